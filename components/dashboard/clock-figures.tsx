import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/components/locale-link";
import type { ClockFigures, Share } from "@/server/metrics/clock-figures";
import type { Figure } from "@/server/metrics/figures";
import { NATIONAL_SURVEY_HEARD_2021, type Percentiles } from "@/server/metrics/metric-set";
import styles from "./dashboard.module.css";
import { formatValue, type ValueKind } from "./dashboard-view";

type Row = {
  key: string;
  kind: ValueKind;
  value: number | null;
  /** Counted appeals (or forwards), and the auditor's figure listing the appeals, where there is one. */
  count?: { n: number; figure?: Figure };
  /** What the figure is a share of, or how many it stands on. */
  base?: number;
  /** A median not reached yet: more than half are still waiting. */
  notReached?: boolean;
};

const share = (key: string, s: Share, figure?: Figure): Row => ({
  key,
  kind: "rate",
  value: s.value,
  count: { n: s.count, figure },
  base: s.of,
});
const days = (key: string, p: Percentiles, which: "median" | "p90"): Row => ({
  key: `${key}.${which}`,
  kind: "days",
  value: p[which],
  base: p.count,
});

function groupsOf(f: ClockFigures): { key: string; rows: Row[] }[] {
  const c = f.counts;
  return [
    {
      key: "forwards",
      rows: [
        { key: "forwardedAway", kind: "count", value: c.forwardedAway, count: { n: c.forwardedAway } },
        share("forwardsLate", f.forwardsLate),
        share("forwardsAfterDue", f.forwardsAfterDue),
        share("onTimeCountingForwards", f.onTimeCountingForwards),
        days("stayDays", f.stayDays, "median"),
        days("stayDays", f.stayDays, "p90"),
        share("forwardsReturned", f.forwardsReturned),
        share("forwardsToAccused", f.forwardsToAccused),
      ],
    },
    {
      key: "time",
      rows: [
        days("endToEndDays", f.endToEndDays, "median"),
        days("bodyAnswerDays", f.bodyAnswerDays, "median"),
        {
          key: "survival.median",
          kind: "days",
          value: f.survival.median,
          base: f.survival.answered + f.survival.censored,
          notReached: f.survival.median === null && f.survival.censored > 0,
        },
        {
          key: "survival.p90",
          kind: "days",
          value: f.survival.p90,
          base: f.survival.answered + f.survival.censored,
          notReached: f.survival.p90 === null && f.survival.censored > 0,
        },
      ],
    },
    {
      key: "terms",
      rows: [
        share("onTimeOriginal", f.onTimeOriginal, "onTimeOriginal"),
        share("onTimeExtended", f.onTimeExtended),
      ],
    },
    {
      key: "pingPong",
      rows: [share("returned", f.returned, "returned"), share("toAccused", f.toAccused, "toAccused")],
    },
    {
      key: "parked",
      rows: [
        {
          key: "pausedNow",
          kind: "count",
          value: f.pausedNow,
          count: { n: f.pausedNow, figure: "pausedNow" },
        },
        share("pausedEver", f.pausedEver),
        share("pausedPastDue", f.pausedPastDue, "pausedPastDue"),
        days("pausedDays", f.pausedDays, "median"),
        days("pausedDays", f.pausedDays, "p90"),
      ],
    },
    {
      key: "honest",
      rows: [
        share("upheld", f.upheld),
        {
          key: "complaintsPending",
          kind: "count",
          value: f.complaintsPending,
          count: { n: f.complaintsPending },
        },
        share("heardOfAnswered", f.heardOfAnswered),
        { key: "heardUnknown", kind: "count", value: f.heardUnknown, count: { n: f.heardUnknown } },
        share("notYetDue", f.notYetDue),
      ],
    },
  ];
}

/**
 * The figures a body cannot improve by forwarding, pausing or extending, and the honest statistics
 * (docs/metrics.md): each with what it counts and what it is a share of. For an auditor, counts with an
 * appeal list open it.
 */
export async function ClockFiguresSection({
  data,
  months,
  scope,
  drill,
  collapsed = false,
}: {
  data: { figures: ClockFigures; surveyComparable: boolean };
  /** The period's months with how many appeals were received and how many are due, to mark provisional ones. */
  months: { month: string; received: number; due: number }[];
  scope: string;
  drill: Record<string, string> | null;
  /** Folded behind a summary, as on the republic's page where the other tables are too. */
  collapsed?: boolean;
}) {
  const t = await getTranslations("clock");
  const format = await getFormatter();
  const none = t("none");
  const f = data.figures;
  const provisional = months.filter((m) => m.received > m.due);
  const answeredOnly = f.endToEndDays.median;
  const tables = (
    <>
      {groupsOf(f).map((g) => (
        <div className="table-wrap" key={g.key}>
          <table>
            <caption className={styles.caption}>{t(`group.${g.key}`, { scope })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("metric")}</th>
                <th scope="col" className={styles.number}>
                  {t("value")}
                </th>
                <th scope="col" className={styles.number}>
                  {t("count")}
                </th>
                <th scope="col" className={styles.number}>
                  {t("base")}
                </th>
              </tr>
            </thead>
            <tbody>
              {g.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row" className={styles.metricName}>
                    {t(`name.${r.key}`)}
                    <br />
                    <span className="hint">{t(`explain.${r.key}`)}</span>
                  </th>
                  <td className={styles.number}>
                    {r.notReached ? t("notReached") : formatValue(format, r.kind, r.value, none)}
                  </td>
                  <td className={styles.number}>
                    {r.count === undefined ? (
                      none
                    ) : drill && r.count.figure && r.count.n > 0 ? (
                      <Link
                        href={{ pathname: "/audit", query: { ...drill, figure: r.count.figure } }}
                        aria-label={t("drill", { n: r.count.n, metric: t(`name.${r.key}`) })}
                      >
                        {format.number(r.count.n)}
                      </Link>
                    ) : (
                      format.number(r.count.n)
                    )}
                  </td>
                  <td className={styles.number}>{r.base === undefined ? none : format.number(r.base)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
  return (
    <section className={styles.section} aria-labelledby="clock-heading">
      <h2 id="clock-heading">{t("title")}</h2>
      <p className="hint">{t("lead")}</p>
      {collapsed ? (
        <details>
          <summary>{t("show")}</summary>
          {tables}
        </details>
      ) : (
        tables
      )}
      <p>
        {t("survivalWhy", {
          km:
            f.survival.median === null
              ? t("notReached")
              : formatValue(format, "days", f.survival.median, none),
          answered: formatValue(format, "days", answeredOnly, none),
          open: f.survival.censored,
        })}
      </p>
      <p>
        {data.surveyComparable
          ? t("surveyComparable", {
              ours: formatValue(format, "rate", f.heardOfAnswered.value, none),
              survey: formatValue(format, "rate", NATIONAL_SURVEY_HEARD_2021, none),
            })
          : t("surveyNotComparable")}
      </p>
      {provisional.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className={styles.caption}>{t("provisional.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("provisional.month")}</th>
                <th scope="col" className={styles.number}>
                  {t("provisional.notYetDue")}
                </th>
                <th scope="col" className={styles.number}>
                  {t("base")}
                </th>
              </tr>
            </thead>
            <tbody>
              {provisional.map((m) => (
                <tr key={m.month}>
                  <th scope="row">
                    {m.month} <span className="badge badge-warn">{t("provisional.badge")}</span>
                  </th>
                  <td className={styles.number}>
                    {formatValue(format, "rate", (m.received - m.due) / m.received, none)}
                  </td>
                  <td className={styles.number}>{format.number(m.received)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">{t("provisional.none")}</p>
      )}
    </section>
  );
}
