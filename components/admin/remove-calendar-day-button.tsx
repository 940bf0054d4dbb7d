"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "@/i18n/navigation";
import { FormAlert } from "../form-alert";
import { useErrorMessages } from "../form-errors";
import { useTRPC } from "../trpc-provider";

/** Removes one day of the calendar; `label` is the date as the table shows it, for the button's name. */
export function RemoveCalendarDayButton({ date, label }: { date: string; label: string }) {
  const t = useTranslations("admin.calendar");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(trpc.admin.deleteCalendarDay.mutationOptions());
  return (
    <>
      <FormAlert message={error} />
      <button
        type="button"
        className="secondary"
        aria-label={t("removeDay", { date: label })}
        disabled={remove.isPending}
        onClick={async () => {
          try {
            await remove.mutateAsync({ date });
            setError(null);
            router.refresh();
          } catch (e) {
            setError(messagesOf(e).form);
          }
        }}
      >
        {t("remove")}
      </button>
    </>
  );
}
