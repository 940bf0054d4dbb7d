"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert } from "../form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "../form-errors";
import { TextField } from "../text-field";
import { useTRPC } from "../trpc-provider";

export function ForgotPasswordForm() {
  const t = useTranslations("accountSecurity");
  const ta = useTranslations("auth");
  const trpc = useTRPC();
  const messagesOf = useErrorMessages();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    try {
      await request.mutateAsync({ email });
      setErrors(NO_ERRORS);
      setSentTo(email);
    } catch (error) {
      setErrors(messagesOf(error));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} />
      <div role="status">
        {sentTo && <p className="alert alert-ok">{t("forgotSent", { email: sentTo })}</p>}
      </div>
      <TextField
        name="email"
        type="email"
        label={ta("email")}
        autoComplete="email"
        required
        error={errors.fields.email}
      />
      <button type="submit" disabled={request.isPending}>
        {request.isPending ? ta("working") : t("forgotSubmit")}
      </button>
    </form>
  );
}
