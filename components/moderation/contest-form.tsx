"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { TextAreaField } from "@/components/citizen/fields";
import { FormAlert } from "@/components/form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "@/components/form-errors";
import { useTRPC } from "@/components/trpc-provider";
import { useRouter } from "@/i18n/navigation";

const REASON_MAX = 2000;

/** The author contests a restriction of their appeal's publication, once; another moderator decides. */
export function ContestForm({ appealId }: { appealId: string }) {
  const t = useTranslations("moderation.citizen");
  const tf = useTranslations("moderation.form");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const contest = useMutation(trpc.moderation.contest.mutationOptions());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const sending = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.current) return;
    const form = new FormData(event.currentTarget);
    sending.current = true;
    try {
      await contest.mutateAsync({ appealId, reason: String(form.get("contestReason") ?? "") });
      setErrors(NO_ERRORS);
      router.refresh();
    } catch (error) {
      const messages = messagesOf(error);
      // The procedure names the field "reason"; on the appeal's page that name is the contest's.
      setErrors({ ...messages, fields: { contestReason: messages.fields.reason ?? "" } });
    } finally {
      sending.current = false;
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} fields={errors.fields} />
      <TextAreaField
        name="contestReason"
        label={t("reason")}
        hint={t("reasonHint")}
        max={REASON_MAX}
        rows={4}
        error={errors.fields.contestReason || undefined}
        countLabel={(count, max) => tf("count", { count, max })}
      />
      <div className="actions">
        <button type="submit" disabled={contest.isPending}>
          {contest.isPending ? tf("sending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
