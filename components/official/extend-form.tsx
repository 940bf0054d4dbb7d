"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FormAlert } from "@/components/form-alert";
import { TextField } from "@/components/text-field";
import { useTRPC } from "@/components/trpc-provider";
import { useActionForm } from "./action-panel";

type Props = {
  appealId: string;
  /** The first and last day the decision may set (YYYY-MM-DD), and the last in the reader's words. */
  earliest: string;
  latest: string;
  latestText: string;
};

export function ExtendForm({ appealId, earliest, latest, latestText }: Props) {
  const t = useTranslations("official.forms");
  const trpc = useTRPC();
  const extend = useMutation(trpc.inbox.extend.mutationOptions());
  const { errors, run } = useActionForm(t("extend.done"));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    return run(() =>
      extend.mutateAsync({
        appealId,
        newDueOn: String(form.get("newDueOn") ?? ""),
        reason: String(form.get("reason") ?? ""),
        decidedBy: String(form.get("decidedBy") ?? ""),
      }),
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <p>{t("extend.once")}</p>
      <FormAlert message={errors.form} fields={errors.fields} />
      <TextField
        id="extend-date"
        name="newDueOn"
        type="date"
        min={earliest}
        max={latest}
        label={t("extend.date")}
        hint={t("extend.dateHint", { date: latestText })}
        required
        error={errors.fields.newDueOn}
      />
      <TextField
        id="extend-reason"
        name="reason"
        label={t("extend.reason")}
        hint={t("extend.reasonHint")}
        multiline
        rows={3}
        required
        maxLength={4000}
        error={errors.fields.reason}
      />
      <TextField
        id="extend-decided-by"
        name="decidedBy"
        label={t("extend.decidedBy")}
        hint={t("extend.decidedByHint")}
        required
        maxLength={300}
        error={errors.fields.decidedBy}
      />
      <div>
        <button type="submit" disabled={extend.isPending}>
          {extend.isPending ? t("working") : t("extend.submit")}
        </button>
      </div>
    </form>
  );
}
