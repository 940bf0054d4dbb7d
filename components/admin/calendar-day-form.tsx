"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useRouter } from "@/i18n/navigation";
import { FormAlert } from "../form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "../form-errors";
import { TextField } from "../text-field";
import { useTRPC } from "../trpc-provider";

const KINDS = ["holiday", "day_off", "working_day"] as const;

export function CalendarDayForm() {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation(trpc.admin.saveCalendarDay.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      date: String(form.get("date") ?? ""),
      kind: String(form.get("kind") ?? "") as (typeof KINDS)[number],
      name: String(form.get("name") ?? ""),
    };
    try {
      const day = await save.mutateAsync(input);
      setErrors(NO_ERRORS);
      setSaved(day?.date ?? input.date);
      // Show the year the day belongs to, so the admin sees it in the list.
      router.push(`/admin/calendar?year=${input.date.slice(0, 4)}`);
      router.refresh();
    } catch (error) {
      setSaved(null);
      setErrors(messagesOf(error));
    }
  }

  const kindError = errors.fields.kind;
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} fields={errors.fields} />
      <div role="status">
        {saved && <p className="alert alert-ok">{t("calendar.saved", { date: saved })}</p>}
      </div>
      <TextField
        name="date"
        type="date"
        label={t("calendar.dateLabel")}
        required
        error={errors.fields.date}
      />
      <div className="field">
        <label htmlFor="field-kind">{t("calendar.kindLabel")}</label>
        <p id="field-kind-hint" className="hint">
          {t("calendar.kindHint")}
        </p>
        <select
          id="field-kind"
          name="kind"
          defaultValue="holiday"
          aria-invalid={kindError ? true : undefined}
          aria-describedby={kindError ? "field-kind-hint field-kind-error" : "field-kind-hint"}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`calendar.kinds.${k}`)}
            </option>
          ))}
        </select>
        {kindError && (
          <p id="field-kind-error" className="field-error">
            {kindError}
          </p>
        )}
      </div>
      <TextField
        name="name"
        label={t("calendar.nameLabel")}
        hint={t("calendar.nameHint")}
        required
        maxLength={120}
        error={errors.fields.name}
      />
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? t("saving") : t("calendar.save")}
      </button>
    </form>
  );
}
