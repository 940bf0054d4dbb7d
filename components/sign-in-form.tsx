"use client";
import { useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useRouter } from "@/i18n/navigation";
import { safeReturnPath } from "@/server/auth/return-to";
import { FormAlert } from "./form-alert";
import { TextField } from "./text-field";

export function SignInForm() {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const router = useRouter();
  // Back to the page that sent the visitor here, if it is one of this site's.
  const back = safeReturnPath(useSearchParams().get("callbackUrl")) ?? "/account";
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok) {
        router.push(back);
        router.refresh();
        return;
      }
      setError(result?.status === 429 ? te("TOO_MANY_REQUESTS") : t("badCredentials"));
    } catch {
      setError(te("network"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={error} />
      <TextField name="email" type="email" label={t("email")} autoComplete="email" required />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
      />
      <button type="submit" disabled={pending}>
        {pending ? t("working") : t("submitSignIn")}
      </button>
    </form>
  );
}
