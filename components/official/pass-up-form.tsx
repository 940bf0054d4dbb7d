"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FormAlert } from "@/components/form-alert";
import { useTRPC } from "@/components/trpc-provider";
import { useRouter } from "@/i18n/navigation";
import { useActionForm } from "./action-panel";

/** The body complained about passes the complaint it did not satisfy to its superior (APPC Art. 91(4)). */
export function PassUpForm({
  appealId,
  number,
  superior,
}: {
  appealId: string;
  number: string;
  superior: string;
}) {
  const t = useTranslations("complaints.passUp");
  const tf = useTranslations("official.forms");
  const trpc = useTRPC();
  const pass = useMutation(trpc.inbox.passComplaintUp.mutationOptions());
  const router = useRouter();
  const { errors, run } = useActionForm(t("done"));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The complaint leaves this body's hands: back to the inbox, which says where it went.
    return run(
      () => pass.mutateAsync({ appealId }),
      () => {
        router.push({ pathname: "/inbox", query: { passedUp: number } });
        router.refresh();
      },
    );
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
