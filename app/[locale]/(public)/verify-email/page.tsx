import { getTranslations, setRequestLocale } from "next-intl/server";
import { VerifyEmailForm } from "@/components/account-security/verify-email-form";
import { TrpcProviders } from "@/components/trpc-provider";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The token arrives in the mailed link's query; the form sends it back in a POST, never spent on load.
export default async function VerifyEmailPage({ params, searchParams }: Props) {
  setRequestLocale((await params).locale);
  const t = await getTranslations("accountSecurity");
  const token = (await searchParams).token;
  return (
    <div className="narrow">
      <h1>{t("verifyTitle")}</h1>
      {typeof token === "string" && token !== "" ? (
        <TrpcProviders>
          <VerifyEmailForm token={token} />
        </TrpcProviders>
      ) : (
        <p className="alert alert-error">{t("noToken")}</p>
      )}
    </div>
  );
}
