"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useRouter } from "@/i18n/navigation";
import { FormAlert } from "../form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "../form-errors";
import { TextField } from "../text-field";
import { useTRPC } from "../trpc-provider";

const MARGINS = [0.05, 0.1, 0.15, 0.2, 0.3, 0.5] as const;
const CONFIDENCES = ["0.9", "0.95", "0.99"] as const;

/** Opens a round: the server commits to a new seed in the public log, then the round's page offers the draw. */
export function OpenRoundForm({ defaultFrom, defaultTo }: { defaultFrom: string; defaultTo: string }) {
  const t = useTranslations("grading.forms");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const open = useMutation(trpc.grading.open.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    try {
      const round = await open.mutateAsync({
        title: text("title"),
        period: { from: text("period.from"), to: text("period.to") },
        bodyCodes: text("bodyCodes")
          .split(",")
          .map((c) => c.trim())
          .filter(Boolean),
        marginOfError: Number(text("marginOfError")),
        confidence: text("confidence") as (typeof CONFIDENCES)[number],
      });
      router.push(`/audit/grading/${round.id}`);
    } catch (error) {
      setErrors(messagesOf(error));
    }
  }

  const select = (
    name: string,
    label: string,
    hint: string | null,
    options: { value: string; text: string }[],
    value: string,
  ) => {
    const error = errors.fields[name];
    const described = [hint && `field-${name}-hint`, error && `field-${name}-error`]
      .filter(Boolean)
      .join(" ");
    return (
      <div className="field">
        <label htmlFor={`field-${name}`}>{label}</label>
        {hint && (
          <p id={`field-${name}-hint`} className="hint">
            {hint}
          </p>
        )}
        <select
          id={`field-${name}`}
          name={name}
          defaultValue={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.text}
            </option>
          ))}
        </select>
        {error && (
          <p id={`field-${name}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} fields={errors.fields} />
      <TextField name="title" label={t("title")} required maxLength={200} error={errors.fields.title} />
      <TextField
        name="period.from"
        id="field-period-from"
        type="month"
        label={t("from")}
        defaultValue={defaultFrom}
        required
        error={errors.fields["period.from"]}
      />
      <TextField
        name="period.to"
        id="field-period-to"
        type="month"
        label={t("to")}
        defaultValue={defaultTo}
        required
        error={errors.fields["period.to"]}
      />
      <TextField
        name="bodyCodes"
        label={t("bodies")}
        hint={t("bodiesHint")}
        error={errors.fields.bodyCodes}
        autoComplete="off"
      />
      {select(
        "marginOfError",
        t("margin"),
        t("marginHint"),
        MARGINS.map((m) => ({ value: String(m), text: `±${t("percent", { value: Math.round(m * 100) })}` })),
        "0.1",
      )}
      {select(
        "confidence",
        t("confidence"),
        null,
        CONFIDENCES.map((c) => ({ value: c, text: t("percent", { value: Math.round(Number(c) * 100) }) })),
        "0.95",
      )}
      <button type="submit" disabled={open.isPending}>
        {open.isPending ? t("opening") : t("open")}
      </button>
    </form>
  );
}
