"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { TextField } from "@/components/text-field";
import { useTRPC } from "@/components/trpc-provider";

type Props = {
  /** The phone as typed in the form, and the language the citizen reads. */
  phone: string;
  locale: string;
  codeError?: string;
  onError: (error: unknown) => void;
};

/**
 * Proves the citizen's phone theirs: a code goes to it by SMS, the citizen reads it out, and the operator
 * types it in; the filing checks it (server/operator/file-assisted-appeal.ts). Changing the phone after
 * sending drops the code, which was for the other number.
 */
export function PhoneCheck({ phone, locale, codeError, onError }: Props) {
  const t = useTranslations("operator.phoneCheck");
  const trpc = useTRPC();
  const send = useMutation(trpc.operator.sendPhoneCode.mutationOptions());
  const [sent, setSent] = useState<{ verificationId: string; phone: string } | null>(null);
  const current = sent?.phone === phone ? sent : null;

  async function sendCode() {
    if (send.isPending) return;
    try {
      const { verificationId } = await send.mutateAsync({ phone, locale: locale as "kk" | "ru" | "en" });
      setSent({ verificationId, phone });
    } catch (error) {
      onError(error);
    }
  }

  return (
    <div className="field">
      <p id="phone-check-hint" className="hint">
        {t("hint")}
      </p>
      <button
        type="button"
        className="secondary"
        onClick={sendCode}
        disabled={send.isPending || !phone.trim()}
      >
        {send.isPending ? t("sending") : t("send")}
      </button>
      {current && (
        <>
          <p role="status">{t("sent", { phone: current.phone })}</p>
          <input type="hidden" name="phoneVerificationId" value={current.verificationId} />
          <TextField
            name="phoneCode"
            label={t("code")}
            hint={t("codeHint")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            error={codeError}
          />
        </>
      )}
    </div>
  );
}
