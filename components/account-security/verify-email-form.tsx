"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Link } from "@/i18n/navigation";
import { FormAlert } from "../form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "../form-errors";
import { useTRPC } from "../trpc-provider";

/**
 * A button rather than confirming on load: mail scanners open links to check them, and a GET must not
 * spend the token on the person's behalf.
 */
export function VerifyEmailForm({ token }: { token: string }) {
  const t = useTranslations("accountSecurity");
  const ta = useTranslations("auth");
  const trpc = useTRPC();
  const messagesOf = useErrorMessages();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState(false);
  const verify = useMutation(trpc.account.verifyEmail.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await verify.mutateAsync({ token });
      setErrors(NO_ERRORS);
      setDone(true);
    } catch (error) {
      setErrors(messagesOf(error));
    }
  }

  if (done)
    return (
      <div role="status">
        <p className="alert alert-ok">{t("verifyDone")}</p>
        {/* The step a new citizen came for, first; the account after it. */}
        <p className="actions">
          <Link href="/appeals/new" className="button">
            {t("verifyNextFile")}
          </Link>
          <Link href="/account">{ta("accountTitle")}</Link>
        </p>
      </div>
    );

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} />
      <p>{t("verifyLead")}</p>
      <button type="submit" disabled={verify.isPending}>
        {verify.isPending ? ta("working") : t("verifySubmit")}
      </button>
    </form>
  );
}
