import { getTranslations, setRequestLocale } from "next-intl/server";
import { RegisterForm } from "@/components/register-form";
import { TrpcProviders } from "@/components/trpc-provider";

export default async function RegisterPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const t = await getTranslations("auth");
  return (
    <div className="narrow">
      <h1>{t("registerTitle")}</h1>
      <p>{t("registerLead")}</p>
      {/* The one public form that calls a procedure from the browser: the other public pages go without. */}
      <TrpcProviders>
        <RegisterForm />
      </TrpcProviders>
    </div>
  );
}
