"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FormAlert } from "@/components/form-alert";
import { TextField } from "@/components/text-field";
import { useTRPC } from "@/components/trpc-provider";
import { useActionForm } from "./action-panel";
import styles from "./official.module.css";

const DECISIONS = ["satisfied", "partly_satisfied", "refused"] as const;

type Props = {
  appealId: string;
  /** The right to complain, prefilled from the catalogue with the superior body's name. */
  appealRights: string;
  limits: { textMin: number; maxFiles: number; maxMegabytes: number };
};

/** The reasoned answer the law requires: decision, text, legal grounds, right to complain; files optional. */
export function AnswerForm({ appealId, appealRights, limits }: Props) {
  const t = useTranslations("official.forms.answer");
  const tf = useTranslations("official.forms");
  const td = useTranslations("appeal.decision");
  const trpc = useTRPC();
  const answer = useMutation(trpc.inbox.answer.mutationOptions());
  const { errors, run } = useActionForm();
  const fileError = Object.entries(errors.fields).find(([k]) => k.startsWith("attachments"))?.[1];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set("appealId", appealId);
    return run(() => answer.mutateAsync(form));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <p>{t("lead")}</p>
      <FormAlert message={errors.form} fields={errors.fields} />
      <fieldset
        className={`field ${styles.choices}`}
        aria-invalid={errors.fields.decision ? true : undefined}
        aria-describedby={errors.fields.decision ? "answer-decision-error" : undefined}
      >
        <legend>{t("decision")}</legend>
        {DECISIONS.map((d) => (
          <label key={d}>
            <input type="radio" name="decision" value={d} required /> {td(d)}
          </label>
        ))}
        {errors.fields.decision && (
          <p id="answer-decision-error" className="field-error">
            {errors.fields.decision}
          </p>
        )}
      </fieldset>
      <TextField
        id="answer-text"
        name="text"
        label={t("text")}
        hint={t("textHint", { min: limits.textMin })}
        multiline
        rows={8}
        required
        error={errors.fields.text}
      />
      <TextField
        id="answer-legal-grounds"
        name="legalGrounds"
        label={t("legalGrounds")}
        hint={t("legalGroundsHint")}
        multiline
        rows={3}
        required
        error={errors.fields.legalGrounds}
      />
      <TextField
        id="answer-appeal-rights"
        name="appealRights"
        label={t("appealRights")}
        hint={t("appealRightsHint")}
        multiline
        rows={4}
        required
        defaultValue={appealRights}
        error={errors.fields.appealRights}
      />
      <div className="field">
        <label htmlFor="answer-files">{t("files")}</label>
        <p id="answer-files-hint" className="hint">
          {t("filesHint", { count: limits.maxFiles, size: limits.maxMegabytes })}
        </p>
        <input
          id="answer-files"
          name="attachments"
          type="file"
          multiple
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "answer-files-hint answer-files-error" : "answer-files-hint"}
        />
        {fileError && (
          <p id="answer-files-error" className="field-error">
            {fileError}
          </p>
        )}
      </div>
      <p>
        <strong>{t("final")}</strong>
      </p>
      <div>
        <button type="submit" disabled={answer.isPending}>
          {answer.isPending ? tf("working") : t("submit")}
        </button>
      </div>
    </form>
  );
}
