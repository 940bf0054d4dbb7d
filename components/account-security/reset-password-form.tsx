"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Link } from "@/i18n/navigation";
import { FormAlert } from "../form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "../form-errors";
import { TextField } from "../text-field";
import { useTRPC } from "../trpc-provider";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("accountSecurity");
  const ta = useTranslations("auth");
  const trpc = useTRPC();
  const messagesOf = useErrorMessages();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState(false);
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    try {
      await reset.mutateAsync({ token, password });
      setErrors(NO_ERRORS);
      setDone(true);
    } catch (error) {
      setErrors(messagesOf(error));
    }
  }

  if (done)
    return (
      <div role="status">
        <p className="alert alert-ok">{t("resetDone")}</p>
        <p>
          <Link href="/sign-in">{t("signInNow")}</Link>
        </p>
      </div>
    );

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} />
      <TextField
        name="password"
        type="password"
        label={t("newPassword")}
        hint={ta("passwordHint")}
        autoComplete="new-password"
        required
        error={errors.fields.password}
      />
      <button type="submit" disabled={reset.isPending}>
        {reset.isPending ? ta("working") : t("resetSubmit")}
      </button>
    </form>
  );
}
