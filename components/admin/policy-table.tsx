"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useRouter } from "@/i18n/navigation";
import type { AppealKind, DeadlinePolicy } from "@/server/deadlines/deadline-policy";
import { FormAlert } from "../form-alert";
import { type FormErrors, useErrorMessages } from "../form-errors";
import { useTRPC } from "../trpc-provider";

const TERMS = [
  "considerationWorkingDays",
  "extensionMaxCalendarMonths",
  "extensionNoticeWorkingDays",
  "forwardingWorkingDays",
] as const;
type Term = (typeof TERMS)[number];

/**
 * One row per kind of appeal, every term editable in place. A row's inputs belong to a form of their own
 * (the `form` attribute), since a form cannot wrap a table row; each input is named by its row and column
 * headers.
 */
export function PolicyTable({
  policies,
  bounds,
}: {
  policies: DeadlinePolicy[];
  bounds: Record<Term, { min: number; max: number }>;
}) {
  const t = useTranslations("admin");
  const ta = useTranslations("appeal");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const [errors, setErrors] = useState<{ kind: AppealKind; errors: FormErrors } | null>(null);
  const [saved, setSaved] = useState<AppealKind | null>(null);
  const update = useMutation(trpc.admin.updatePolicy.mutationOptions());

  async function onSubmit(kind: AppealKind, event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const term = (name: Term) => Number(form.get(name) || Number.NaN);
    try {
      await update.mutateAsync({
        kind,
        considerationWorkingDays: term("considerationWorkingDays"),
        extensionMaxCalendarMonths: term("extensionMaxCalendarMonths"),
        extensionNoticeWorkingDays: term("extensionNoticeWorkingDays"),
        forwardingWorkingDays: term("forwardingWorkingDays"),
        clarificationPausesClock: form.get("clarificationPausesClock") === "on",
      });
      setErrors(null);
      setSaved(kind);
      router.refresh();
    } catch (error) {
      setSaved(null);
      setErrors({ kind, errors: messagesOf(error) });
    }
  }

  const kindName = (kind: AppealKind) => ta(`kind.${kind}`);
  return (
    <>
      <FormAlert message={errors ? `${kindName(errors.kind)}: ${errors.errors.form}` : null} />
      <div role="status">
        {saved && <p className="alert alert-ok">{t("policies.saved", { kind: kindName(saved) })}</p>}
      </div>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("policies.kind")}</th>
              {TERMS.map((term) => (
                <th scope="col" key={term}>
                  <span id={`col-${term}`}>{t(`policies.${term}`)}</span>
                  <br />
                  <span id={`limits-${term}`} className="hint">
                    {t("policies.limits", bounds[term])}
                  </span>
                </th>
              ))}
              <th scope="col" id="col-clarificationPausesClock">
                {t("policies.clarificationPausesClock")}
              </th>
              <th scope="col">{t("policies.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {policies.map((p) => {
              const rowErrors = errors?.kind === p.kind ? errors.errors.fields : {};
              const formId = `policy-${p.kind}`;
              return (
                <tr key={p.kind}>
                  <th scope="row" id={`row-${p.kind}`}>
                    {kindName(p.kind)}
                  </th>
                  {TERMS.map((term) => {
                    const id = `${p.kind}-${term}`;
                    const error = rowErrors[term];
                    return (
                      <td key={term} data-label={t(`policies.${term}`)}>
                        <input
                          id={id}
                          form={formId}
                          name={term}
                          type="number"
                          inputMode="numeric"
                          min={bounds[term].min}
                          max={bounds[term].max}
                          step={1}
                          required
                          defaultValue={p[term]}
                          aria-labelledby={`row-${p.kind} col-${term}`}
                          aria-describedby={error ? `limits-${term} ${id}-error` : `limits-${term}`}
                          aria-invalid={error ? true : undefined}
                        />
                        {error && (
                          <p id={`${id}-error`} className="field-error">
                            {error}
                          </p>
                        )}
                      </td>
                    );
                  })}
                  <td data-label={t("policies.clarificationPausesClock")}>
                    <input
                      id={`${p.kind}-clarificationPausesClock`}
                      form={formId}
                      name="clarificationPausesClock"
                      type="checkbox"
                      defaultChecked={p.clarificationPausesClock}
                      aria-labelledby={`row-${p.kind} col-clarificationPausesClock`}
                    />
                  </td>
                  <td>
                    <button
                      type="submit"
                      form={formId}
                      disabled={update.isPending}
                      aria-label={t("policies.saveKind", { kind: kindName(p.kind) })}
                    >
                      {t("policies.save")}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {policies.map((p) => (
        <form key={p.kind} id={`policy-${p.kind}`} onSubmit={(e) => onSubmit(p.kind, e)} noValidate />
      ))}
    </>
  );
}
