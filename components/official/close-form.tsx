"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FormAlert } from "@/components/form-alert";
import { useTRPC } from "@/components/trpc-provider";
import { useActionForm } from "./action-panel";

export function CloseForm({ appealId }: { appealId: string }) {
  const t = useTranslations("official.forms");
  const trpc = useTRPC();
  const close = useMutation(trpc.inbox.close.mutationOptions());
  const { errors, run } = useActionForm(t("close.done"));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    return run(() => close.mutateAsync({ appealId }));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <p>{t("close.lead")}</p>
      <FormAlert message={errors.form} fields={errors.fields} />
      <div>
        <button type="submit" disabled={close.isPending}>
          {close.isPending ? t("working") : t("close.submit")}
        </button>
      </div>
    </form>
  );
}
