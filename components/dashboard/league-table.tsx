import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/locale-path";
import type { Locale } from "@/i18n/routing";
import { bodyName } from "@/server/directory/body-name";
import { REGIONS, type RegionCode } from "@/server/directory/regions";
import type { LeagueRow, LeagueSortKey, SortOrder } from "@/server/metrics/dashboard-queries";
import { SMALL_BASE } from "@/server/metrics/metric-set";
import type { Period } from "@/server/metrics/period";
import styles from "./dashboard.module.css";
import { formatValue, leaguePage, type ValueKind } from "./dashboard-view";

const COLUMNS: { key: LeagueSortKey; kind: ValueKind; base?: (r: LeagueRow) => number }[] = [
  { key: "received", kind: "count" },
  { key: "responseRate", kind: "rate", base: (r) => r.due },
  { key: "onTimeRate", kind: "rate", base: (r) => r.due },
  { key: "overdue", kind: "count" },
  { key: "medianDays", kind: "days", base: (r) => r.answered },
  { key: "p90Days", kind: "days", base: (r) => r.answered },
  { key: "meanQuality", kind: "quality", base: (r) => r.rated },
  { key: "heardShare", kind: "rate", base: (r) => r.rated },
  { key: "complaintRate", kind: "rate", base: (r) => r.answered },
  { key: "formalShare", kind: "rate", base: (r) => r.answered },
];

/**
 * Bodies side by side, sortable by the listed figures only. Each figure shows how many appeals stand
 * behind it, and a body with few appeals is marked, so that one late answer is not read as a pattern.
 * Its links are plain anchors, not client-side links: a phone need not prefetch a page for each of 150
 * bodies, and the page's payload does not carry a client component per link.
 */
export async function LeagueTable({
  rows,
  sort,
  order,
  period,
  pathname,
  caption,
  requestedPage,
}: {
  rows: LeagueRow[];
  sort: LeagueSortKey;
  order: SortOrder;
  period: Period;
  /** The page the sort links lead back to. */
  pathname: string;
  caption: string;
  /** The `page` of the address. */
  requestedPage: string | string[] | undefined;
}) {
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const none = t("none");
  const href = (path: string, query: Record<string, string>) => localePath(locale, { pathname: path, query });
  const nextOrder = (key: LeagueSortKey): SortOrder =>
    key === sort ? (order === "asc" ? "desc" : "asc") : key === "received" ? "desc" : "asc";

  if (rows.length === 0) return <p>{t("league.empty")}</p>;
  const shown = leaguePage(rows, requestedPage);
  const pageHref = (page: number) =>
    href(pathname, { ...period, sort, order, ...(page > 1 ? { page: String(page) } : {}) });
  return (
    <div className="table-wrap">
      <p className="hint">{t("league.smallNote", { n: SMALL_BASE })}</p>
      <table>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("league.body")}</th>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={styles.number}
                aria-sort={c.key === sort ? (order === "asc" ? "ascending" : "descending") : undefined}
              >
                <a
                  href={href(pathname, { ...period, sort: c.key, order: nextOrder(c.key) })}
                  className={c.key === sort ? styles.sorted : undefined}
                >
                  {t(`metric.${c.key}`)}
                  <span className={styles.visuallyHidden}>
                    {" "}
                    {t(nextOrder(c.key) === "asc" ? "league.sortAscending" : "league.sortDescending")}
                  </span>
                  {c.key === sort ? (order === "asc" ? " ▲" : " ▼") : ""}
                </a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.rows.map((r) => (
            <tr key={r.bodyId}>
              <th scope="row">
                <a href={href(`/dashboard/bodies/${r.code}`, { ...period })}>{bodyName(r, locale)}</a>
                {r.region ? (
                  <span className="hint"> · {REGIONS[r.region as RegionCode]?.name[locale] ?? r.region}</span>
                ) : null}
                {r.small ? (
                  <>
                    {" "}
                    <span className="badge badge-warn">{t("league.small")}</span>
                  </>
                ) : null}
              </th>
              {COLUMNS.map((c) => (
                <td key={c.key} className={styles.number} data-label={t(`metric.${c.key}`)}>
                  {formatValue(format, c.kind, r[c.key], none)}
                  {c.base ? (
                    <>
                      <br />
                      <span className="hint">{t("league.of", { n: c.base(r) })}</span>
                    </>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {shown.pageCount > 1 && (
        <nav aria-label={t("league.pages")} className="pager">
          {shown.page > 1 && <a href={pageHref(shown.page - 1)}>{t("league.previous")}</a>}
          <span>{t("league.shown", { from: shown.from, to: shown.to, count: shown.count })}</span>
          {shown.page < shown.pageCount && <a href={pageHref(shown.page + 1)}>{t("league.next")}</a>}
        </nav>
      )}
    </div>
  );
}
