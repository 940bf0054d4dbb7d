"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FormAlert } from "@/components/form-alert";
import { useTRPC } from "@/components/trpc-provider";
import { useActionForm } from "./action-panel";

/** The body complained about passes the complaint it did not satisfy to its superior (APPC Art. 91(4)). */
export function PassUpForm({ appealId, superior }: { appealId: string; superior: string }) {
  const t = useTranslations("complaints.passUp");
  const tf = useTranslations("official.forms");
  const trpc = useTRPC();
  const pass = useMutation(trpc.inbox.passComplaintUp.mutationOptions());
  const { errors, run } = useActionForm(t("done"));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    return run(() => pass.mutateAsync({ appealId }));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <p>{t("lead", { superior })}</p>
      <FormAlert message={errors.form} />
      <div>
        <button type="submit" disabled={pass.isPending}>
          {pass.isPending ? tf("working") : t("submit")}
        </button>
      </div>
    </form>
  );
}
