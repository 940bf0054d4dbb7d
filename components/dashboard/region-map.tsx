import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/locale-path";
import type { Locale } from "@/i18n/routing";
import { REGIONS } from "@/server/directory/regions";
import type { MapMetric, RegionValue } from "@/server/metrics/dashboard-queries";
import type { Period } from "@/server/metrics/period";
import styles from "./dashboard.module.css";
import { formatValue, type ValueKind } from "./dashboard-view";
import {
  CITY_POINTS,
  labelPoint,
  MAP_HEIGHT,
  MAP_WIDTH,
  pathOf,
  project,
  REGION_OUTLINES,
} from "./kazakhstan-outlines";

export const MAP_METRIC_KIND: Record<MapMetric, ValueKind> = {
  responseRate: "rate",
  onTimeRate: "rate",
  overdueShare: "rate",
  medianDays: "days",
  meanQuality: "quality",
  heardShare: "rate",
  received: "count",
};

// Five steps of one blue (ColorBrewer "Blues"): the darker, the higher; text turns white on the dark two.
const SHADES = ["#deebf7", "#9ecae1", "#6baed6", "#2171b5", "#08306b"] as const;
const NO_DATA = "#f0f0f0";

/** Equal steps over the possible range: 0–100% for shares, 1–5 for quality, up to the largest otherwise. */
function stepsFor(kind: ValueKind, values: number[]): number[] {
  const top = kind === "rate" ? 1 : kind === "quality" ? 5 : Math.max(1, ...values);
  const bottom = kind === "quality" ? 1 : 0;
  return SHADES.map((_, i) => bottom + ((top - bottom) * (i + 1)) / SHADES.length);
}

const shadeIndex = (value: number, steps: number[]) => {
  const i = steps.findIndex((s) => value <= s);
  return i < 0 ? SHADES.length - 1 : i;
};

/**
 * Kazakhstan's regions shaded by one metric: each region is a link to its page, focusable, named with its
 * value and the number of appeals behind it. The same figures follow as a table.
 */
export async function RegionMap({
  values,
  metric,
  period,
}: {
  values: RegionValue[];
  metric: MapMetric;
  period: Period;
}) {
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const kind = MAP_METRIC_KIND[metric];
  const steps = stepsFor(
    kind,
    values.flatMap((v) => (v.value === null ? [] : [v.value])),
  );
  const show = (v: number | null) => formatValue(format, kind, v, t("none"));
  const href = (code: string) =>
    localePath(locale, { pathname: `/dashboard/regions/${code}`, query: { ...period } });
  const named = values.map((v) => ({
    ...v,
    name: REGIONS[v.region].name[locale],
    label: t("map.regionLabel", {
      region: REGIONS[v.region].name[locale],
      value: show(v.value),
      base: v.base,
    }),
    fill: v.value === null ? NO_DATA : SHADES[shadeIndex(v.value, steps)],
    dark: v.value !== null && shadeIndex(v.value, steps) >= 3,
  }));
  const legend = steps.map((s, i) => ({
    shade: SHADES[i],
    label: t("map.legendStep", {
      from: show(i === 0 ? (kind === "quality" ? 1 : 0) : (steps[i - 1] ?? 0)),
      to: show(s),
    }),
  }));

  return (
    <figure>
      <svg className={styles.map} viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} aria-labelledby="map-title">
        <title id="map-title">{t("map.svgTitle", { metric: t(`metric.${metric}`) })}</title>
        {named.map((r) => {
          const ring = REGION_OUTLINES[r.region];
          if (!ring) return null;
          const [x, y] = labelPoint(ring);
          return (
            <a key={r.region} href={href(r.region)} aria-label={r.label}>
              <path d={pathOf(ring)} fill={r.fill} />
              {r.value === null ? null : (
                <text x={x} y={y} textAnchor="middle" fontSize="15" fill={r.dark ? "#ffffff" : "#1a1f24"}>
                  {show(r.value)}
                </text>
              )}
            </a>
          );
        })}
        {named.map((r) => {
          const point = CITY_POINTS[r.region];
          if (!point) return null;
          const [x, y] = project(point);
          return (
            <a key={r.region} href={href(r.region)} aria-label={r.label}>
              <circle className={styles.city} cx={x} cy={y} r="10" fill={r.fill} />
              {r.value === null ? null : (
                <text x={x + 13} y={y + 5} fontSize="15" fill="#1a1f24">
                  {show(r.value)}
                </text>
              )}
            </a>
          );
        })}
      </svg>
      <figcaption>
        <ul className={styles.legend} aria-label={t("map.legend")}>
          {legend.map((l) => (
            <li key={l.shade}>
              <span className={styles.swatch} style={{ background: l.shade }} aria-hidden="true" />
              {l.label}
            </li>
          ))}
          <li>
            <span className={styles.swatch} style={{ background: NO_DATA }} aria-hidden="true" />
            {t("map.noData")}
          </li>
        </ul>
        <p className="hint">{t("map.citiesNote")}</p>
      </figcaption>
      <details>
        <summary>{t("map.asTable")}</summary>
        <div className="table-wrap">
          <table>
            <caption className={styles.caption}>
              {t("map.tableCaption", { metric: t(`metric.${metric}`) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("region")}</th>
                <th scope="col" className={styles.number}>
                  {t(`metric.${metric}`)}
                </th>
                <th scope="col" className={styles.number}>
                  {t("base")}
                </th>
              </tr>
            </thead>
            <tbody>
              {named.map((r) => (
                <tr key={r.region}>
                  <th scope="row">
                    <a href={href(r.region)}>{r.name}</a>
                  </th>
                  <td data-label={t(`metric.${metric}`)} className={styles.number}>
                    {show(r.value)}
                  </td>
                  <td data-label={t("base")} className={styles.number}>
                    {r.base}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
