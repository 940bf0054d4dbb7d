"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { FormAlert } from "@/components/form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages, useLocalErrors } from "@/components/form-errors";
import { useTRPC } from "@/components/trpc-provider";
import { useRouter } from "@/i18n/navigation";
import { ATTACHMENT_ACCEPT, ATTACHMENT_MESSAGE_VALUES } from "@/server/appeals/attachment-limits";
import styles from "./citizen.module.css";
import { FileField, TextAreaField } from "./fields";
import { attachmentError, chosenFiles, fileProblemsBeforeUpload } from "./file-errors";

/** The applicant's reply to the body's request for clarification, with files if needed. */
export function ClarificationForm({ appealId, maxText }: { appealId: string; maxText: number }) {
  const t = useTranslations("citizen.clarify");
  const tf = useTranslations("citizen.file");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const localErrors = useLocalErrors();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [filesError, setFilesError] = useState<string | undefined>();
  const sending = useRef(false);
  const reply = useMutation(trpc.appeal.provideClarification.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.current) return;
    const form = new FormData(event.currentTarget);
    const payload = new FormData();
    payload.append("appealId", appealId);
    payload.append("reply", String(form.get("reply") ?? ""));
    const files = chosenFiles(form);
    for (const f of files) payload.append("attachments", f);
    const refused = localErrors(fileProblemsBeforeUpload(files), ATTACHMENT_MESSAGE_VALUES);
    if (refused) {
      setErrors(refused);
      setFilesError(attachmentError(refused, files));
      return;
    }
    sending.current = true;
    try {
      await reply.mutateAsync(payload);
      // The page confirms the reply where the request stood (app/[locale]/(citizen)/appeals/[id]).
      router.replace(`/appeals/${appealId}?clarified=1`);
      router.refresh();
    } catch (error) {
      const messages = messagesOf(error);
      setErrors(messages);
      setFilesError(attachmentError(messages, files));
    } finally {
      sending.current = false;
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className={styles.inlineForm}>
      <FormAlert message={errors.form} fields={errors.fields} />
      <TextAreaField
        name="reply"
        label={t("reply")}
        error={errors.fields.reply}
        max={maxText}
        rows={6}
        countLabel={(count, max) => tf("count", { count, max })}
      />
      <FileField
        name="attachments"
        label={t("files")}
        hint={t("filesHint")}
        accept={ATTACHMENT_ACCEPT}
        error={filesError}
      />
      <div className="actions">
        <button type="submit" disabled={reply.isPending}>
          {reply.isPending ? tf("sending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
