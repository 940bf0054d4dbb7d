import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/locale-link";
import { SignInForm } from "@/components/sign-in-form";

export default async function SignInPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const t = await getTranslations("auth");
  const ts = await getTranslations("accountSecurity");
  return (
    <div className="narrow">
      <h1>{t("signInTitle")}</h1>
      <SignInForm />
      <p>
        <Link href="/forgot-password">{ts("forgotLink")}</Link>
      </p>
      <p>
        {t("noAccount")} <Link href="/register">{t("submitRegister")}</Link>
      </p>
    </div>
  );
}
