"use client";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert } from "@/components/form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "@/components/form-errors";
import { TextField } from "@/components/text-field";
import { useTRPC } from "@/components/trpc-provider";
import { useRouter } from "@/i18n/navigation";

/**
 * A citizen's phone for SMS notices: a code goes to the number, and typing it back proves the phone
 * theirs (server/sms/phone-verification.ts). Until then, nothing is sent to it but the code.
 */
export function AccountPhoneForm({ smsPhone }: { smsPhone: string | null }) {
  const t = useTranslations("sms.account");
  const locale = useLocale() as "kk" | "ru" | "en";
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [phone, setPhone] = useState("");
  const [sent, setSent] = useState<{ verificationId: string; phone: string } | null>(null);
  const send = useMutation(trpc.account.sendPhoneCode.mutationOptions());
  const confirm = useMutation(trpc.account.confirmPhone.mutationOptions());
  const remove = useMutation(trpc.account.removePhone.mutationOptions());
  const pending = send.isPending || confirm.isPending || remove.isPending;

  async function run(work: () => Promise<void>) {
    if (pending) return;
    try {
      await work();
      setErrors(NO_ERRORS);
    } catch (error) {
      setErrors(messagesOf(error));
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    await run(async () => {
      if (sent && sent.phone === phone) {
        await confirm.mutateAsync({ verificationId: sent.verificationId, phone, code });
        setSent(null);
        setPhone("");
        router.refresh();
      } else {
        const { verificationId } = await send.mutateAsync({ phone, locale });
        setSent({ verificationId, phone });
      }
    });
  }

  if (smsPhone) {
    return (
      <div className="form">
        <FormAlert message={errors.form} fields={errors.fields} />
        <p>{t("current", { phone: smsPhone })}</p>
        <button
          type="button"
          className="secondary"
          disabled={pending}
          onClick={() =>
            run(async () => {
              await remove.mutateAsync();
              router.refresh();
            })
          }
        >
          {t("remove")}
        </button>
      </div>
    );
  }
  const awaitingCode = sent?.phone === phone;
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} fields={errors.fields} />
      <TextField
        name="phone"
        type="tel"
        label={t("phone")}
        hint={t("phoneHint")}
        autoComplete="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={errors.fields.phone}
      />
      {awaitingCode && (
        <>
          <p role="status">{t("sent", { phone })}</p>
          <TextField
            name="code"
            label={t("code")}
            hint={t("codeHint")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            error={errors.fields.code}
          />
        </>
      )}
      <button type="submit" disabled={pending}>
        {pending ? t("working") : awaitingCode ? t("confirm") : t("send")}
      </button>
    </form>
  );
}
