import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import styles from "@/components/dashboard/dashboard.module.css";
import { choiceOf, periodOf, type SearchParams } from "@/components/dashboard/dashboard-view";
import { Link } from "@/components/locale-link";
import type { Locale } from "@/i18n/routing";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";
import { REGION_CODES, REGIONS, type RegionCode } from "@/server/directory/regions";
import { FIGURE_NAMES } from "@/server/metrics/figures";
import { orNotFound } from "@/server/or-not-found";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "audit" });
  return { title: t("title") };
}

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

/** The appeals behind one dashboard figure, for an auditor. */
export default async function AuditFigurePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (user.role !== "auditor") notFound();
  const query = await searchParams;
  const { period } = periodOf(query, new Date());
  const figure = choiceOf(query.figure, FIGURE_NAMES, "received");
  const bodyCode = one(query.body);
  const regionParam = one(query.region);
  const region =
    regionParam && (REGION_CODES as readonly string[]).includes(regionParam)
      ? (regionParam as RegionCode)
      : undefined;
  const page = Math.max(1, Math.min(10_000, Number(one(query.page)) || 1));
  const caller = await getCaller();
  const list = await orNotFound(caller.audit.figure({ figure, period, bodyCode, region, page }));
  const t = await getTranslations("audit");
  const td = await getTranslations("dashboard");
  const tk = await getTranslations("appeal.kind");
  const ts = await getTranslations("appeal.status");
  const format = await getFormatter();
  const lang = (await getLocale()) as Locale;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const scope = bodyCode
    ? list.appeals[0]
      ? bodyName(
          {
            nameKk: list.appeals[0].bodyNameKk,
            nameRu: list.appeals[0].bodyNameRu,
            nameEn: list.appeals[0].bodyNameEn,
          },
          lang,
        )
      : bodyCode
    : region
      ? REGIONS[region].name[lang]
      : td("republic");
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const pageHref = (p: number) => ({
    pathname: "/audit",
    query: {
      ...period,
      figure,
      ...(bodyCode ? { body: bodyCode } : {}),
      ...(region ? { region } : {}),
      page: String(p),
    },
  });

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">
        {t("lead", {
          figure: t(`figure.${figure}`),
          scope,
          from: period.from,
          to: period.to,
          total: list.total,
        })}
      </p>
      <p className="hint">{t("privacy")}</p>
      {list.appeals.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className={styles.caption}>{t("caption", { page, pages })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("number")}</th>
                <th scope="col">{t("subject")}</th>
                <th scope="col">{t("body")}</th>
                <th scope="col">{t("filed")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col" className={styles.number}>
                  {t("days")}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.appeals.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link href={`/audit/appeals/${a.id}`}>{a.number}</Link>
                    <br />
                    <span className="hint">{tk(a.kind)}</span>
                  </th>
                  <td data-label={t("subject")}>{a.hidden ? <em>{t("hidden")}</em> : a.subject}</td>
                  <td data-label={t("body")}>
                    {bodyName({ nameKk: a.bodyNameKk, nameRu: a.bodyNameRu, nameEn: a.bodyNameEn }, lang)}
                  </td>
                  <td data-label={t("filed")}>{day(a.filedAt)}</td>
                  <td data-label={t("status")}>
                    {ts(a.status)}
                    {a.overdueDays !== null ? (
                      <>
                        {" "}
                        <span className="badge badge-danger">{t("overdueBy", { n: a.overdueDays })}</span>
                      </>
                    ) : null}
                  </td>
                  <td data-label={t("days")} className={styles.number}>
                    {a.answerDays ?? td("none")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={t("pages")} className="actions">
          {page > 1 ? <Link href={pageHref(page - 1)}>{t("previous")}</Link> : null}
          {page < pages ? <Link href={pageHref(page + 1)}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
