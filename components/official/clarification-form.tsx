"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FormAlert } from "@/components/form-alert";
import { TextField } from "@/components/text-field";
import { useTRPC } from "@/components/trpc-provider";
import { useActionForm } from "./action-panel";

export function ClarificationForm({ appealId, pausesClock }: { appealId: string; pausesClock: boolean }) {
  const t = useTranslations("official.forms");
  const trpc = useTRPC();
  const ask = useMutation(trpc.inbox.requestClarification.mutationOptions());
  const { errors, run } = useActionForm(t("clarify.done"));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    return run(() => ask.mutateAsync({ appealId, question: String(form.get("question") ?? "") }));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} fields={errors.fields} />
      <TextField
        id="clarify-question"
        name="question"
        label={t("clarify.question")}
        hint={pausesClock ? t("clarify.pauses") : t("clarify.runs")}
        multiline
        rows={4}
        required
        maxLength={4000}
        error={errors.fields.question}
      />
      <div>
        <button type="submit" disabled={ask.isPending}>
          {ask.isPending ? t("working") : t("clarify.submit")}
        </button>
      </div>
    </form>
  );
}
