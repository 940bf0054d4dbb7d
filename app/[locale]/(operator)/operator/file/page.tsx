import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/locale-link";
import { AssistedFilingForm } from "@/components/operator/assisted-filing-form";
import { APPEAL_KIND_VALUES, appealCategory } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { ATTACHMENT_LIMITS } from "@/server/appeals/attachment-rules";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";
import { REGION_CODES, REGIONS } from "@/server/directory/regions";

export default async function AssistedFilingPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (user.role !== "operator") notFound();
  const caller = await getCaller();
  const lang = locale as Locale;
  const [bodies, filed] = await Promise.all([
    caller.directory.list({ locale: lang }),
    caller.operator.listFiled(),
  ]);
  const t = await getTranslations("operator");
  const ta = await getTranslations("appeal");
  const tl = await getTranslations("language");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });

  return (
    <>
      <div className="narrow">
        <h1>{t("fileTitle")}</h1>
        <p className="lead">{t("fileLead")}</p>
        <AssistedFilingForm
          kinds={APPEAL_KIND_VALUES.map((k) => ({ value: k, label: ta(`kind.${k}`) }))}
          categories={appealCategory.enumValues.map((c) => ({ value: c, label: ta(`category.${c}`) }))}
          regions={REGION_CODES.map((r) => ({ value: r, label: REGIONS[r].name[lang] }))}
          bodies={bodies.map((b) => ({ value: b.id, label: b.name }))}
          limits={{
            maxFiles: ATTACHMENT_LIMITS.maxFiles,
            maxMegabytes: ATTACHMENT_LIMITS.maxBytes / (1024 * 1024),
          }}
        />
      </div>
      <section aria-labelledby="filed-heading">
        <h2 id="filed-heading">{t("recentTitle")}</h2>
        {filed.length === 0 ? (
          <p>{t("recentEmpty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("columns.number")}</th>
                  <th scope="col">{t("columns.filedAt")}</th>
                  <th scope="col">{t("columns.applicant")}</th>
                  <th scope="col">{t("columns.language")}</th>
                  <th scope="col">{t("columns.body")}</th>
                  <th scope="col">{t("columns.status")}</th>
                  <th scope="col">{t("columns.dueAt")}</th>
                </tr>
              </thead>
              <tbody>
                {filed.map((a) => (
                  <tr key={a.id}>
                    <td data-label={t("columns.number")}>
                      {/* Opens the receipt again, to reprint it or to issue a new access code. */}
                      <Link href={`/operator/receipt/${a.id}`}>{a.number}</Link>
                    </td>
                    <td data-label={t("columns.filedAt")}>{day(a.filedAt)}</td>
                    <td data-label={t("columns.applicant")}>{a.applicantName}</td>
                    <td data-label={tl("label")}>
                      {tl.has(`name.${a.locale}`) ? tl(`name.${a.locale}`) : a.locale}
                    </td>
                    <td data-label={t("columns.body")}>{bodyName(a.body, locale)}</td>
                    <td data-label={t("columns.status")}>
                      {ta(`status.${a.status}`)}
                      {a.overdue && (
                        <>
                          {" "}
                          <span className="badge badge-danger">{ta("status.overdue")}</span>
                        </>
                      )}
                    </td>
                    <td data-label={t("columns.dueAt")}>{day(a.dueAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
