import { getFormatter, getTranslations } from "next-intl/server";
import type { CategoryRow } from "@/server/metrics/dashboard-queries";
import styles from "./dashboard.module.css";
import { formatValue } from "./dashboard-view";

/** Appeals by category: how many, and how many of those due were answered, and in time. */
export async function CategoryTable({ rows }: { rows: CategoryRow[] }) {
  const t = await getTranslations("dashboard");
  const tc = await getTranslations("appeal.category");
  const format = await getFormatter();
  const none = t("none");
  if (rows.length === 0) return <p>{t("categories.empty")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className={styles.caption}>{t("categories.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("categories.category")}</th>
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
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.category}>
              <th scope="row">{tc(r.category)}</th>
              <td data-label={t("metric.received")} className={styles.number}>
                {format.number(r.received)}
              </td>
              <td data-label={t("metric.due")} className={styles.number}>
                {format.number(r.due)}
              </td>
              <td data-label={t("metric.responseRate")} className={styles.number}>
                {formatValue(format, "rate", r.responseRate, none)}
              </td>
              <td data-label={t("metric.onTimeRate")} className={styles.number}>
                {formatValue(format, "rate", r.onTimeRate, none)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
