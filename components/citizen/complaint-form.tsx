"use client";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { FormAlert } from "@/components/form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "@/components/form-errors";
import { useTRPC } from "@/components/trpc-provider";
import { useRouter } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import styles from "./citizen.module.css";
import { CheckboxField, TextAreaField } from "./fields";
import { useIdempotencyKey } from "./idempotency-key";

type Props = {
  appealId: string;
  superiorBody: string;
  /** Prefilled when the deadline passed in silence, so that one click is enough. */
  defaultText?: string;
  maxText: number;
};

/** A complaint to the superior body about the answer, or about the silence past the deadline. */
export function ComplaintForm({ appealId, superiorBody, defaultText, maxText }: Props) {
  const t = useTranslations("citizen.complain");
  const tf = useTranslations("citizen.file");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const idempotencyKey = useIdempotencyKey();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const sending = useRef(false);
  const complain = useMutation(trpc.appeal.complain.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.current) return;
    const form = new FormData(event.currentTarget);
    sending.current = true;
    try {
      const complaint = await complain.mutateAsync({
        appealId,
        text: String(form.get("complaintText") ?? ""),
        publishConsent: Boolean(form.get("complaintPublish")),
        locale,
        idempotencyKey,
      });
      router.push(`/appeals/${complaint.id}/receipt`);
    } catch (error) {
      const messages = messagesOf(error);
      // The procedure names the field "text"; on this page that name is the complaint's.
      setErrors({ ...messages, fields: { complaintText: messages.fields.text ?? "" } });
    } finally {
      sending.current = false;
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className={styles.inlineForm}>
      <FormAlert message={errors.form} fields={errors.fields} />
      <TextAreaField
        name="complaintText"
        label={t("text")}
        hint={t("textHint", { body: superiorBody })}
        error={errors.fields.complaintText || undefined}
        defaultValue={defaultText}
        max={maxText}
        rows={6}
        countLabel={(count, max) => tf("count", { count, max })}
      />
      {/* The complaint's own consent, asked afresh: the original appeal's answer is never carried over. */}
      <CheckboxField name="complaintPublish" label={tf("publish")} hint={tf("publishWhat")} />
      <div className="actions">
        <button type="submit" disabled={complain.isPending}>
          {complain.isPending ? tf("sending") : t("submit", { body: superiorBody })}
        </button>
      </div>
    </form>
  );
}
