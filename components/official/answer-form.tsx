"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { chosenFiles, fileProblemsBeforeUpload } from "@/components/citizen/file-errors";
import { FormAlert } from "@/components/form-alert";
import { useLocalErrors } from "@/components/form-errors";
import { TextField } from "@/components/text-field";
import { useTRPC } from "@/components/trpc-provider";
import { ATTACHMENT_ACCEPT, ATTACHMENT_MESSAGE_VALUES } from "@/server/appeals/attachment-limits";
import { useActionForm } from "./action-panel";
import styles from "./official.module.css";

const DECISIONS = [
  "satisfied",
  "partly_satisfied",
  "refused",
  "explained",
  "left_without_consideration",
] as const;
// The closed list of server/appeals/answer-outcomes.ts (a client component cannot import the server's).
const GROUNDS = ["anonymous", "withdrawn", "returned_incomplete", "repeated_without_new_arguments"] as const;

type Check = { missing: string[]; language: string | null; allowed: string[] };

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
  const checkDraft = useMutation(trpc.inbox.checkAnswer.mutationOptions());
  const tc = useTranslations("answerCheck");
  const [decision, setDecision] = useState<string | null>(null);
  // What the last check found, kept until the official sends anyway or checks the edited draft again.
  const [check, setCheck] = useState<Check | null>(null);
  const checkRef = useRef<HTMLDivElement>(null);
  const { errors, run, refuse } = useActionForm();
  const localErrors = useLocalErrors();
  const fileError = Object.entries(errors.fields).find(([k]) => k.startsWith("attachments"))?.[1];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set("appealId", appealId);
    const refused = localErrors(fileProblemsBeforeUpload(chosenFiles(form)), ATTACHMENT_MESSAGE_VALUES);
    if (refused) return refuse(refused);
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const send = () => run(() => answer.mutateAsync(form));
    if (submitter?.value === "send") return send();
    const field = (k: string) => String(form.get(k) ?? "");
    // An incomplete form goes straight to the server, whose field errors say what to fill in; a complete one
    // is first checked against what the law asks of a reasoned answer, and goes only if nothing is missing.
    const complete =
      field("decision") !== "" &&
      field("text").trim().length >= limits.textMin &&
      field("legalGrounds").trim() !== "" &&
      field("appealRights").trim() !== "";
    if (!complete) return send();
    const ground = field("withoutConsiderationGround");
    const found = await checkDraft
      .mutateAsync({
        appealId,
        decision: (field("decision") || null) as (typeof DECISIONS)[number] | null,
        withoutConsiderationGround: (ground || null) as (typeof GROUNDS)[number] | null,
        text: field("text").slice(0, 20_000),
        legalGrounds: field("legalGrounds").slice(0, 4_000),
        appealRights: field("appealRights").slice(0, 4_000),
      })
      .catch(() => null);
    if (found && found.missing.length > 0) {
      setCheck(found);
      requestAnimationFrame(() => checkRef.current?.focus());
      return;
    }
    setCheck(null);
    return send();
  }
  const language = (code: string | null) => tc(`languages.${code ?? "unknown"}` as "languages.unknown");

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
            <input type="radio" name="decision" value={d} required onChange={() => setDecision(d)} /> {td(d)}
          </label>
        ))}
        {errors.fields.decision && (
          <p id="answer-decision-error" className="field-error">
            {errors.fields.decision}
          </p>
        )}
      </fieldset>
      {decision === "left_without_consideration" && (
        <div className="field">
          <label htmlFor="answer-ground">{tc("form.ground")}</label>
          <select
            id="answer-ground"
            name="withoutConsiderationGround"
            defaultValue=""
            aria-invalid={errors.fields.withoutConsiderationGround ? true : undefined}
          >
            <option value="">{tc("form.groundNone")}</option>
            {GROUNDS.map((g) => (
              <option key={g} value={g}>
                {tc(`grounds.${g}`)}
              </option>
            ))}
          </select>
        </div>
      )}
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
          accept={ATTACHMENT_ACCEPT}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "answer-files-hint answer-files-error" : "answer-files-hint"}
        />
        {fileError && (
          <p id="answer-files-error" className="field-error">
            {fileError}
          </p>
        )}
      </div>
      {check && (
        <div
          ref={checkRef}
          tabIndex={-1}
          role="alert"
          aria-labelledby="answer-check-title"
          className={styles.answerCheck}
        >
          <h3 id="answer-check-title">{tc("form.checkTitle")}</h3>
          <p>{tc("form.checkLead")}</p>
          <ul>
            {check.missing.map((item) => (
              <li key={item}>{tc(`items.${item}` as "items.decision")}</li>
            ))}
          </ul>
          {check.missing.includes("language") && (
            <p>
              {tc("form.detected", {
                language: language(check.language),
                appeal: language(check.allowed[check.allowed.length - 1] ?? null),
                allowed: check.allowed.map((l) => language(l)).join(", "),
              })}
            </p>
          )}
        </div>
      )}
      <p>
        <strong>{t("final")}</strong>
      </p>
      <div className={styles.answerButtons}>
        <button type="submit" name="intent" value="check" disabled={answer.isPending || checkDraft.isPending}>
          {answer.isPending
            ? tf("working")
            : checkDraft.isPending
              ? tc("form.checking")
              : check
                ? tc("form.checkAgain")
                : t("submit")}
        </button>
        {check && (
          <button type="submit" name="intent" value="send" className="secondary" disabled={answer.isPending}>
            {tc("form.sendAnyway")}
          </button>
        )}
      </div>
    </form>
  );
}
