"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "@/i18n/navigation";
import { FormAlert } from "../form-alert";
import { useErrorMessages } from "../form-errors";
import { useTRPC } from "../trpc-provider";

/** Draws a committed round's sample, or closes a fully graded round; the page then shows the new state. */
export function RoundAction({ roundId, action }: { roundId: string; action: "draw" | "close" }) {
  const t = useTranslations("grading.forms");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const [error, setError] = useState<string | null>(null);
  const draw = useMutation(trpc.grading.draw.mutationOptions());
  const close = useMutation(trpc.grading.close.mutationOptions());
  const mutation = action === "draw" ? draw : close;

  async function run() {
    try {
      await mutation.mutateAsync({ roundId });
      setError(null);
      router.refresh();
    } catch (e) {
      setError(messagesOf(e).form);
    }
  }

  return (
    <div className="form">
      <FormAlert message={error} />
      <p className="hint">{t(action === "draw" ? "drawHint" : "closeHint")}</p>
      <button type="button" onClick={run} disabled={mutation.isPending}>
        {mutation.isPending ? t(action === "draw" ? "drawing" : "closing") : t(action)}
      </button>
    </div>
  );
}
