import { getFormatter, getTranslations } from "next-intl/server";
import type { TrendPoint } from "@/server/metrics/dashboard-queries";
import styles from "./dashboard.module.css";
import { formatValue } from "./dashboard-view";

const WIDTH = 600;
const HEIGHT = 220;
const PAD = { left: 64, right: 16, top: 16, bottom: 36 };
const RATE_COLORS = { responseRate: "#08519c", onTimeRate: "#a63603" } as const;

/**
 * The trend by month of filing: appeals received as bars, the response and on-time rates as lines. Each
 * chart is an image with a summary for screen readers; the table below holds every figure.
 */
export async function TrendCharts({ points, id }: { points: TrendPoint[]; id: string }) {
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const none = t("none");
  const monthLabel = (m: string) =>
    format.dateTime(new Date(`${m}-15T00:00:00Z`), { month: "short", year: "2-digit", timeZone: "UTC" });
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const step = innerW / Math.max(points.length, 1);
  const maxReceived = Math.max(1, ...points.map((p) => p.received));
  const xOf = (i: number) => PAD.left + step * i + step / 2;
  const yOfCount = (n: number) => PAD.top + innerH - (n / maxReceived) * innerH;
  const yOfRate = (r: number) => PAD.top + innerH - r * innerH;
  // At most six month labels, so that they stay legible on a phone.
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  const total = points.reduce((n, p) => n + p.received, 0);
  const peak = points.reduce<TrendPoint | null>(
    (a, p) => (a === null || p.received > a.received ? p : a),
    null,
  );
  const last = [...points].reverse().find((p) => p.responseRate !== null) ?? null;

  const axis = (ticks: { y: number; label: string }[]) => (
    <g fontSize="18" fill="#4a5560">
      {ticks.map((tick) => (
        <g key={tick.label}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={tick.y} y2={tick.y} stroke="#c9d1d8" />
          <text x={PAD.left - 6} y={tick.y + 4} textAnchor="end">
            {tick.label}
          </text>
        </g>
      ))}
      {points.map((p, i) =>
        i % labelEvery === 0 ? (
          // Every other label goes on a phone, where the labels are drawn larger (dashboard.module.css).
          <text
            key={p.month}
            x={xOf(i)}
            y={HEIGHT - 10}
            textAnchor="middle"
            className={(i / labelEvery) % 2 === 1 ? styles.minorLabel : undefined}
          >
            {monthLabel(p.month)}
          </text>
        ) : null,
      )}
    </g>
  );

  const line = (key: keyof typeof RATE_COLORS) => {
    const segments: string[] = [];
    let pen = "M";
    points.forEach((p, i) => {
      const v = p[key];
      if (v === null) {
        pen = "M";
        return;
      }
      segments.push(`${pen}${xOf(i).toFixed(1)} ${yOfRate(v).toFixed(1)}`);
      pen = "L";
    });
    return (
      <g key={key}>
        <path d={segments.join(" ")} fill="none" stroke={RATE_COLORS[key]} strokeWidth="2.5" />
        {points.map((p, i) =>
          p[key] === null ? null : (
            <circle key={p.month} cx={xOf(i)} cy={yOfRate(p[key] ?? 0)} r="3.5" fill={RATE_COLORS[key]} />
          ),
        )}
      </g>
    );
  };

  return (
    <>
      <div className={styles.chartRow}>
        <figure className={styles.plain}>
          <svg
            className={styles.chart}
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="img"
            aria-labelledby={`${id}-volume-title`}
          >
            <title id={`${id}-volume-title`}>
              {t("trend.volumeSummary", {
                total,
                peakMonth: peak && peak.received > 0 ? monthLabel(peak.month) : none,
                peak: peak?.received ?? 0,
              })}
            </title>
            {axis(
              [...new Set([0, Math.round(maxReceived / 2), maxReceived])].map((n) => ({
                y: yOfCount(n),
                label: format.number(n),
              })),
            )}
            {points.map((p, i) => (
              <rect
                key={p.month}
                x={xOf(i) - step * 0.35}
                width={step * 0.7}
                y={yOfCount(p.received)}
                height={PAD.top + innerH - yOfCount(p.received)}
                fill="#6baed6"
              />
            ))}
          </svg>
          <figcaption>{t("trend.volumeTitle")}</figcaption>
        </figure>
        <figure className={styles.plain}>
          <svg
            className={styles.chart}
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="img"
            aria-labelledby={`${id}-rates-title`}
          >
            <title id={`${id}-rates-title`}>
              {t("trend.ratesSummary", {
                month: last ? monthLabel(last.month) : none,
                response: formatValue(format, "rate", last?.responseRate ?? null, none),
                onTime: formatValue(format, "rate", last?.onTimeRate ?? null, none),
              })}
            </title>
            {axis([0, 0.5, 1].map((f) => ({ y: yOfRate(f), label: formatValue(format, "rate", f, none) })))}
            {line("responseRate")}
            {line("onTimeRate")}
          </svg>
          <figcaption>
            <ul className={styles.legend}>
              {(Object.keys(RATE_COLORS) as (keyof typeof RATE_COLORS)[]).map((key) => (
                <li key={key}>
                  <span
                    className={styles.swatch}
                    style={{ background: RATE_COLORS[key] }}
                    aria-hidden="true"
                  />
                  {t(`metric.${key}`)}
                </li>
              ))}
            </ul>
          </figcaption>
        </figure>
      </div>
      <details>
        <summary>{t("trend.asTable")}</summary>
        <div className="table-wrap">
          <table>
            <caption className={styles.caption}>{t("trend.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("trend.month")}</th>
                <th scope="col" className={styles.number}>
                  {t("metric.received")}
                </th>
                <th scope="col" className={styles.number}>
                  {t("metric.due")}
                </th>
                <th scope="col" className={styles.number}>
                  {t("metric.responseRate")}
                </th>
                <th scope="col" className={styles.number}>
                  {t("metric.onTimeRate")}
                </th>
                <th scope="col" className={styles.number}>
                  {t("metric.overdue")}
                </th>
                <th scope="col" className={styles.number}>
                  {t("metric.medianDays")}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.month}>
                  <th scope="row">{monthLabel(p.month)}</th>
                  <td data-label={t("metric.received")} className={styles.number}>
                    {format.number(p.received)}
                  </td>
                  <td data-label={t("metric.due")} className={styles.number}>
                    {format.number(p.due)}
                  </td>
                  <td data-label={t("metric.responseRate")} className={styles.number}>
                    {formatValue(format, "rate", p.responseRate, none)}
                  </td>
                  <td data-label={t("metric.onTimeRate")} className={styles.number}>
                    {formatValue(format, "rate", p.onTimeRate, none)}
                  </td>
                  <td data-label={t("metric.overdue")} className={styles.number}>
                    {format.number(p.overdue)}
                  </td>
                  <td data-label={t("metric.medianDays")} className={styles.number}>
                    {formatValue(format, "days", p.medianDays, none)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
