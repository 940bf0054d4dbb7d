import { getFormatter, getTranslations } from "next-intl/server";
import styles from "@/components/dashboard/dashboard.module.css";
import type { RegisterFigure, RegisterFigures } from "@/server/open-data/import/register-figures";

/** The key figures of a whole register, then a table per agency and per service type. */
export async function RegisterFiguresView({ figures }: { figures: RegisterFigures }) {
  const t = await getTranslations("openData.registers");
  const format = await getFormatter();
  const none = t("noValue");
  const number = (n: number | null, digits = 1) =>
    n === null ? none : format.number(n, { maximumFractionDigits: digits });
  const share = (n: number | null) =>
    n === null ? none : format.number(n, { style: "percent", maximumFractionDigits: 1 });
  const years = (list: number[]) => list.join(", ");
  const all = figures.all;

  const table = (id: string, title: string, column: string, rows: RegisterFigure[]) => (
    <section aria-labelledby={id} className={styles.section}>
      <h2 id={id}>{title}</h2>
      <div className="table-wrap">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col">{t("count")}</th>
              <th scope="col">{t("closedShare")}</th>
              <th scope="col">{t("hoursMedian")}</th>
              <th scope="col">{t("hoursP90")}</th>
              <th scope="col">{t("daysMedian")}</th>
              <th scope="col">{t("daysP90")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.key || t("notGiven")}</th>
                <td data-label={t("count")}>{format.number(r.count)}</td>
                <td data-label={t("closedShare")}>
                  {share(r.closedShare)} (
                  {t("closedOf", { closed: format.number(r.closed), count: format.number(r.count) })})
                </td>
                <td data-label={t("hoursMedian")}>{number(r.hoursMedian)}</td>
                <td data-label={t("hoursP90")}>{number(r.hoursP90)}</td>
                <td data-label={t("daysMedian")}>{number(r.workingDaysMedian)}</td>
                <td data-label={t("daysP90")}>{number(r.workingDaysP90)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );

  return (
    <>
      <dl className={styles.figures}>
        {(
          [
            ["count", format.number(all.count)],
            ["closedShare", share(all.closedShare)],
            ["hoursMedian", number(all.hoursMedian)],
            ["hoursP90", number(all.hoursP90)],
            ["daysMedian", number(all.workingDaysMedian)],
            ["daysP90", number(all.workingDaysP90)],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className={styles.figure}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t("hoursNote")}</p>
      {figures.calendarYears.length > 0 && (
        <p>
          {figures.provisionalYears.length > 0
            ? t("calendarProvisional", {
                years: years(figures.calendarYears.map((y) => y.year)),
                provisional: years(figures.provisionalYears),
              })
            : t("calendarConfirmed", { years: years(figures.calendarYears.map((y) => y.year)) })}
        </p>
      )}
      {table("by-agency", t("byAgency"), t("agency"), figures.byAgency)}
      {table("by-service-type", t("byServiceType"), t("serviceType"), figures.byServiceType)}
    </>
  );
}
