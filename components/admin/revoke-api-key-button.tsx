"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "@/i18n/navigation";
import { FormAlert } from "../form-alert";
import { useErrorMessages } from "../form-errors";
import { useTRPC } from "../trpc-provider";

/** Revokes one Open311 key at once; `name` is the client's, for the button's accessible name. */
export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("open311.apiKeys");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const [error, setError] = useState<string | null>(null);
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions());
  return (
    <>
      <FormAlert message={error} />
      <button
        type="button"
        className="secondary"
        aria-label={t("revokeKey", { name })}
        disabled={revoke.isPending}
        onClick={async () => {
          try {
            await revoke.mutateAsync({ id });
            setError(null);
            router.refresh();
          } catch (e) {
            setError(messagesOf(e).form);
          }
        }}
      >
        {t("revoke")}
      </button>
    </>
  );
}
