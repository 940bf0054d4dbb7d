"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FormAlert } from "@/components/form-alert";
import { useTRPC } from "@/components/trpc-provider";
import { useActionForm } from "./action-panel";

type Props = { appealId: string; executors: { id: string; fullName: string }[]; executorId: string | null };

export function AssignForm({ appealId, executors, executorId }: Props) {
  const t = useTranslations("official.forms");
  const trpc = useTRPC();
  const assign = useMutation(trpc.inbox.assign.mutationOptions());
  const { errors, run } = useActionForm(t("assign.done"));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    return run(() => assign.mutateAsync({ appealId, executorId: String(form.get("executorId") ?? "") }));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} fields={errors.fields} />
      <div className="field">
        <label htmlFor="assign-executor">{t("assign.executor")}</label>
        <select
          id="assign-executor"
          name="executorId"
          defaultValue={executorId ?? ""}
          required
          aria-invalid={errors.fields.executorId ? true : undefined}
          aria-describedby={errors.fields.executorId ? "assign-executor-error" : undefined}
        >
          <option value="" disabled>
            {t("assign.choose")}
          </option>
          {executors.map((e) => (
            <option key={e.id} value={e.id}>
              {e.fullName}
            </option>
          ))}
        </select>
        {errors.fields.executorId && (
          <p id="assign-executor-error" className="field-error">
            {errors.fields.executorId}
          </p>
        )}
      </div>
      <div>
        <button type="submit" disabled={assign.isPending}>
          {assign.isPending ? t("working") : t("assign.submit")}
        </button>
      </div>
    </form>
  );
}
