"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "@/i18n/navigation";
import { FormAlert } from "../form-alert";
import { useErrorMessages } from "../form-errors";
import { useTRPC } from "../trpc-provider";

export function MarkAllReadButton() {
  const t = useTranslations("notification");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const [error, setError] = useState<string | null>(null);
  const markRead = useMutation(trpc.notification.markRead.mutationOptions());
  return (
    <>
      <FormAlert message={error} />
      <button
        type="button"
        className="secondary"
        disabled={markRead.isPending}
        onClick={async () => {
          try {
            await markRead.mutateAsync({});
            setError(null);
            router.refresh();
          } catch (e) {
            setError(messagesOf(e).form);
          }
        }}
      >
        {t("markAllRead")}
      </button>
    </>
  );
}
