import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/components/locale-link";
import { APPEAL_KINDS } from "@/server/deadlines/deadline-policy";
import type { Figure } from "@/server/metrics/figures";
import type { MetricSet } from "@/server/metrics/metric-set";
import styles from "./dashboard.module.css";
import { formatValue, type ValueKind } from "./dashboard-view";

type Row = {
  key: string;
  kind: ValueKind;
  value: number | null;
  /** The appeals counted in the figure, and the figure an auditor opens to see them. */
  count?: { n: number; figure: Figure };
  /** What the figure is a share of, or how many appeals a median stands on. */
  base?: number;
};

function rowsOf(m: MetricSet): Row[] {
  const c = m.counts;
  return [
    { key: "received", kind: "count", value: c.received, count: { n: c.received, figure: "received" } },
    {
      key: "responseRate",
      kind: "rate",
      value: m.responseRate,
      count: { n: c.answered, figure: "answered" },
      base: c.due,
    },
    {
      key: "onTimeRate",
      kind: "rate",
      value: m.onTimeRate,
      count: { n: c.onTime, figure: "onTime" },
      base: c.due,
    },
    {
      key: "overdueShare",
      kind: "rate",
      value: m.overdueShare,
      count: { n: c.overdue, figure: "overdue" },
      base: c.due,
    },
    { key: "overdueDaysMedian", kind: "days", value: m.overdueDays.median, base: m.overdueDays.count },
    { key: "overdueDaysP90", kind: "days", value: m.overdueDays.p90, base: m.overdueDays.count },
    { key: "answerDaysMedian", kind: "days", value: m.answerDays.median, base: m.answerDays.count },
    { key: "answerDaysP90", kind: "days", value: m.answerDays.p90, base: m.answerDays.count },
    {
      key: "extendedShare",
      kind: "rate",
      value: m.extendedShare,
      count: { n: c.extended, figure: "extended" },
      base: c.received,
    },
    {
      key: "clarifiedShare",
      kind: "rate",
      value: m.clarifiedShare,
      count: { n: c.clarified, figure: "clarified" },
      base: c.received,
    },
    {
      key: "forwardedShare",
      kind: "rate",
      value: m.forwardedShare,
      count: { n: c.forwarded, figure: "forwarded" },
      base: c.received,
    },
    {
      key: "pingPongShare",
      kind: "rate",
      value: m.pingPongShare,
      count: { n: c.pingPong, figure: "pingPong" },
      base: c.received,
    },
    {
      key: "resolvedShare",
      kind: "rate",
      value: m.resolvedShare,
      count: { n: c.resolved, figure: "resolved" },
      base: c.rated,
    },
    {
      key: "partlyShare",
      kind: "rate",
      value: m.partlyShare,
      count: { n: c.partly, figure: "partly" },
      base: c.rated,
    },
    {
      key: "notResolvedShare",
      kind: "rate",
      value: m.notResolvedShare,
      count: { n: c.notResolved, figure: "notResolved" },
      base: c.rated,
    },
    { key: "meanQuality", kind: "quality", value: m.meanQuality, count: { n: c.rated, figure: "rated" } },
    {
      key: "heardShare",
      kind: "rate",
      value: m.heardShare,
      count: { n: c.heard, figure: "heard" },
      base: c.rated,
    },
    {
      key: "complaintRate",
      kind: "rate",
      value: m.complaintRate,
      count: { n: c.complained, figure: "complained" },
      base: c.answered,
    },
    {
      key: "upheldShare",
      kind: "rate",
      value: m.upheldShare,
      count: { n: c.complaintUpheld, figure: "complaintUpheld" },
      base: c.complained,
    },
    {
      key: "formalShare",
      kind: "rate",
      value: m.formalShare,
      count: { n: c.formal, figure: "formal" },
      base: c.answered,
    },
    { key: "declined", kind: "count", value: c.declined, count: { n: c.declined, figure: "declined" } },
    { key: "hidden", kind: "count", value: c.hidden, count: { n: c.hidden, figure: "hidden" } },
    { key: "redacted", kind: "count", value: c.redacted, count: { n: c.redacted, figure: "redacted" } },
    { key: "reversed", kind: "count", value: c.reversed, count: { n: c.reversed, figure: "reversed" } },
  ];
}

/**
 * Every metric of one body, region or the republic: its value, the appeals it counts and what it is a
 * share of. For an auditor, each count opens the appeals behind it.
 */
export async function MetricsTable({
  metrics,
  caption,
  drill,
}: {
  metrics: MetricSet;
  caption: string;
  /** The scope and period of the figures, when the reader is an auditor; null for everyone else. */
  drill: Record<string, string> | null;
}) {
  const t = await getTranslations("dashboard");
  const tk = await getTranslations("appeal.kind");
  const format = await getFormatter();
  const none = t("none");
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption className={styles.caption}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("all.metric")}</th>
              <th scope="col" className={styles.number}>
                {t("all.value")}
              </th>
              <th scope="col" className={styles.number}>
                {t("all.count")}
              </th>
              <th scope="col" className={styles.number}>
                {t("all.base")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rowsOf(metrics).map((r) => (
              <tr key={r.key}>
                <th scope="row" className={styles.metricName}>
                  {t(`metric.${r.key}`)}
                  <br />
                  <span className="hint">{t(`explain.${r.key}`)}</span>
                </th>
                <td data-label={t("all.value")} className={styles.number}>
                  {formatValue(format, r.kind, r.value, none)}
                </td>
                <td data-label={t("all.count")} className={styles.number}>
                  {r.count === undefined ? (
                    none
                  ) : drill && r.count.n > 0 ? (
                    <Link
                      href={{ pathname: "/audit", query: { ...drill, figure: r.count.figure } }}
                      aria-label={t("all.drill", { n: r.count.n, metric: t(`metric.${r.key}`) })}
                    >
                      {format.number(r.count.n)}
                    </Link>
                  ) : (
                    format.number(r.count.n)
                  )}
                </td>
                <td data-label={t("all.base")} className={styles.number}>
                  {r.base === undefined ? none : format.number(r.base)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table>
          <caption className={styles.caption}>{t("all.byKind")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("all.kind")}</th>
              <th scope="col" className={styles.number}>
                {t("metric.received")}
              </th>
            </tr>
          </thead>
          <tbody>
            {APPEAL_KINDS.map((k) => (
              <tr key={k}>
                <th scope="row">{tk(k)}</th>
                <td data-label={t("metric.received")} className={styles.number}>
                  {format.number(metrics.byKind[k])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The handful of figures at the top of a page: the ones a reader asks first. */
export async function KeyFigures({ metrics }: { metrics: MetricSet }) {
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const none = t("none");
  const c = metrics.counts;
  const figures: { key: string; kind: ValueKind; value: number | null; base: number }[] = [
    { key: "received", kind: "count", value: c.received, base: c.received },
    { key: "responseRate", kind: "rate", value: metrics.responseRate, base: c.due },
    { key: "onTimeRate", kind: "rate", value: metrics.onTimeRate, base: c.due },
    {
      key: "answerDaysMedian",
      kind: "days",
      value: metrics.answerDays.median,
      base: metrics.answerDays.count,
    },
    { key: "heardShare", kind: "rate", value: metrics.heardShare, base: c.rated },
  ];
  return (
    <dl className={styles.figures}>
      {figures.map((f) => (
        <div key={f.key} className={styles.figure}>
          <dt>{t(`metric.${f.key}`)}</dt>
          <dd>
            {formatValue(format, f.kind, f.value, none)}{" "}
            {f.key === "received" ? null : (
              <span className={styles.base}>{t("league.of", { n: f.base })}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
