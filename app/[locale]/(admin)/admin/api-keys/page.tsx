import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ApiKeyForm } from "@/components/admin/api-key-form";
import { RevokeApiKeyButton } from "@/components/admin/revoke-api-key-button";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";

export default async function ApiKeysPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (user.role !== "admin") notFound();
  const keys = await (await getCaller()).apiKeys.list();
  const t = await getTranslations("open311.apiKeys");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <p>{t("usage")}</p>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">{t("listTitle")}</h2>
        {keys.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("name")}</th>
                  <th scope="col">{t("account")}</th>
                  <th scope="col">{t("issuedAt")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("actions")}</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id}>
                    <th scope="row">{k.name}</th>
                    <td data-label={t("account")}>{k.accountEmail}</td>
                    <td data-label={t("issuedAt")}>
                      <time dateTime={k.createdAt.toISOString()}>{day(k.createdAt)}</time>
                    </td>
                    <td data-label={t("status")}>
                      {k.revokedAt ? t("revokedOn", { date: day(k.revokedAt) }) : t("active")}
                    </td>
                    <td data-label={t("actions")}>
                      {k.revokedAt ? null : <RevokeApiKeyButton id={k.id} name={k.name} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="issue-heading" className="narrow">
        <h2 id="issue-heading">{t("issueTitle")}</h2>
        <ApiKeyForm />
      </section>
    </>
  );
}
