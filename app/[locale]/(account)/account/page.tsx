import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { AccountPhoneForm } from "@/components/citizen/account-phone-form";
import { Link } from "@/components/locale-link";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";

export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  const profile = await (await getCaller()).account.profile();
  const t = await getTranslations("auth");
  const tr = await getTranslations("roles");
  const ts = await getTranslations("accountSecurity");
  const tu = await getTranslations("ui");
  const tp = await getTranslations("sms.account");
  return (
    <div className="narrow">
      <h1>{t("accountTitle")}</h1>
      {!user.emailVerified && <p className="alert alert-error">{ts("unverifiedNotice")}</p>}
      <dl className="facts">
        <dt>{t("fullName")}</dt>
        <dd>{profile.fullName}</dd>
        <dt>{t("email")}</dt>
        <dd>{profile.email}</dd>
        <dt>{t("role")}</dt>
        <dd>{tr(profile.role)}</dd>
        {profile.body && (
          <>
            <dt>{t("body")}</dt>
            <dd>{bodyName(profile.body, await getLocale())}</dd>
          </>
        )}
      </dl>
      {profile.role === "citizen" && (
        <section aria-labelledby="sms-notices">
          <h2 id="sms-notices">{tp("title")}</h2>
          <p>{tp("lead")}</p>
          <AccountPhoneForm smsPhone={profile.smsPhone} />
        </section>
      )}
      {/* Just registered or back later: what a citizen's account is for is one step away. */}
      {profile.role === "citizen" && (
        <section aria-labelledby="next-step" className="card">
          <h2 id="next-step">{tu("nextStepTitle")}</h2>
          <p>{tu("nextStepText")}</p>
          <Link href="/appeals/new" className="button">
            {tu("nextStepLink")}
          </Link>
        </section>
      )}
    </div>
  );
}
