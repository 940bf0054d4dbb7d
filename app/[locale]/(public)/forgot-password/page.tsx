import { getTranslations, setRequestLocale } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/account-security/forgot-password-form";
import { TrpcProviders } from "@/components/trpc-provider";

export default async function ForgotPasswordPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const t = await getTranslations("accountSecurity");
  return (
    <div className="narrow">
      <h1>{t("forgotTitle")}</h1>
      <p>{t("forgotLead")}</p>
      <TrpcProviders>
        <ForgotPasswordForm />
      </TrpcProviders>
    </div>
  );
}
