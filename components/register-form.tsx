"use client";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import type { Locale } from "@/i18n/routing";
import { FormAlert } from "./form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "./form-errors";
import { TextField } from "./text-field";
import { useTRPC } from "./trpc-provider";

export function RegisterForm() {
  const t = useTranslations("auth");
  const ts = useTranslations("accountSecurity");
  const locale = useLocale() as Locale;
  const [sentTo, setSentTo] = useState<string | null>(null);
  const trpc = useTRPC();
  const messagesOf = useErrorMessages();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const register = useMutation(trpc.account.register.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      fullName: String(form.get("fullName") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      locale,
    };
    try {
      // The same answer whether or not the address already had an account (no enumeration): so no
      // automatic sign-in either, which would tell the two apart.
      await register.mutateAsync(input);
      setErrors(NO_ERRORS);
      setSentTo(input.email);
    } catch (error) {
      setErrors(messagesOf(error));
    }
  }

  if (sentTo)
    return (
      <section role="status" aria-labelledby="check-mail">
        <h2 id="check-mail">{ts("checkMailTitle")}</h2>
        <p className="alert alert-ok">{ts("registeredCheckMail", { email: sentTo })}</p>
      </section>
    );

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} fields={errors.fields} />
      <TextField
        name="fullName"
        label={t("fullName")}
        hint={t("fullNameHint")}
        autoComplete="name"
        required
        error={errors.fields.fullName}
      />
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        error={errors.fields.email}
      />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        error={errors.fields.password}
      />
      <button type="submit" disabled={register.isPending}>
        {register.isPending ? t("working") : t("submitRegister")}
      </button>
    </form>
  );
}
