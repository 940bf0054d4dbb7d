"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useRouter } from "@/i18n/navigation";
import { FormAlert } from "../form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "../form-errors";
import { useTRPC } from "../trpc-provider";
import styles from "./grading.module.css";

export type RubricField = { key: string; label: string; scale: { value: number; label: string }[] };

/**
 * One grader's scores of one answer, a radio group per rubric item. Every item must be scored before
 * sending; once saved, the grader moves on to the next answer they have not graded.
 */
export function GradeForm({
  itemId,
  rubric,
  nextHref,
}: {
  itemId: string;
  rubric: RubricField[];
  nextHref: string;
}) {
  const t = useTranslations("grading.forms");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const grade = useMutation(trpc.grading.grade.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const missing = rubric.filter((r) => form.get(r.key) === null);
    if (missing.length > 0) {
      const message = t("scoreMissing", { items: missing.map((r) => r.label).join("; ") });
      setErrors({ form: message, fields: Object.fromEntries(missing.map((r) => [r.key, message])) });
      return;
    }
    try {
      await grade.mutateAsync({
        itemId,
        scores: Object.fromEntries(rubric.map((r) => [r.key, Number(form.get(r.key))])),
      });
      setErrors(NO_ERRORS);
      router.push(nextHref);
      router.refresh();
    } catch (error) {
      setErrors(messagesOf(error));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} fields={errors.fields} />
      {rubric.map((r) => (
        <fieldset
          key={r.key}
          className={`field ${styles.choices}`}
          aria-invalid={errors.fields[r.key] ? true : undefined}
          aria-describedby={errors.fields[r.key] ? `field-${r.key}-error` : undefined}
        >
          <legend>{r.label}</legend>
          {r.scale.map((s, i) => (
            <label key={s.value}>
              <input type="radio" name={r.key} value={s.value} id={i === 0 ? `field-${r.key}` : undefined} />{" "}
              {s.label} ({s.value})
            </label>
          ))}
          {errors.fields[r.key] && (
            <p id={`field-${r.key}-error`} className="field-error">
              {errors.fields[r.key]}
            </p>
          )}
        </fieldset>
      ))}
      <button type="submit" disabled={grade.isPending}>
        {grade.isPending ? t("grading") : t("grade")}
      </button>
    </form>
  );
}
