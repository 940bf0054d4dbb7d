import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { bodyName } from "@/server/directory/body-name";
import type { LogFigures } from "@/server/moderation/log-figures";
import styles from "./moderation.module.css";

/** The log's figures, each a table a screen reader can walk: key figures first, then the breakdowns. */
export async function LogFiguresTables({ figures }: { figures: LogFigures }) {
  const t = await getTranslations("moderation.figures");
  const tg = await getTranslations("moderation.ground");
  const format = await getFormatter();
  const locale = await getLocale();
  const percent = (share: number | null) =>
    share === null ? "—" : format.number(share, { style: "percent", maximumFractionDigits: 1 });
  const duration = (seconds: number | null) => {
    if (seconds === null) return "—";
    const unit = (value: number, u: "minute" | "hour" | "day") =>
      format.number(value, { style: "unit", unit: u, unitDisplay: "long", maximumFractionDigits: 1 });
    const minutes = seconds / 60;
    if (minutes < 60) return unit(Math.round(minutes), "minute");
    if (minutes < 48 * 60) return unit(Math.round(minutes / 6) / 10, "hour");
    return unit(Math.round(minutes / 144) / 10, "day");
  };
  const { submissions, timeToModeration, contests } = figures;

  return (
    <section className={styles.section} aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t("title")}</h2>
      <div className={styles.figures}>
        <div className="table-wrap">
          <table>
            <caption>{t("keyCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("figure")}</th>
                <th scope="col">{t("value")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("totalActions")}</th>
                <td data-label={t("value")}>{figures.totalActions}</td>
              </tr>
              <tr>
                <th scope="row">{t("declinedOrHidden")}</th>
                <td data-label={t("value")}>
                  {t("shareOf", {
                    part: submissions.declinedOrHidden,
                    whole: submissions.total,
                    share: percent(submissions.share),
                  })}
                </td>
              </tr>
              <tr>
                <th scope="row">{t("medianTime")}</th>
                <td data-label={t("value")}>
                  {t("medianOf", {
                    time: duration(timeToModeration.medianSeconds),
                    count: timeToModeration.moderated,
                  })}
                </td>
              </tr>
              <tr>
                <th scope="row">{t("contestsReversed")}</th>
                <td data-label={t("value")}>
                  {t("contestsOf", {
                    reversed: contests.reversed,
                    decided: contests.decided,
                    share: percent(contests.share),
                    open: contests.open,
                  })}
                </td>
              </tr>
            </tbody>
          </table>
        </div>

        <div className="table-wrap">
          <table>
            <caption>{t("perGround")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("ground")}</th>
                <th scope="col" className={styles.number}>
                  {t("actions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.perGround.map((g) => (
                <tr key={g.ground ?? "none"}>
                  <th scope="row">{g.ground ? tg(g.ground) : t("noGround")}</th>
                  <td data-label={t("actions")} className={styles.number}>
                    {g.actions}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <div className="table-wrap">
          <table>
            <caption>{t("perBody")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("body")}</th>
                <th scope="col" className={styles.number}>
                  {t("actions")}
                </th>
                <th scope="col" className={styles.number}>
                  {t("restrictions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.perBody.map((b) => (
                <tr key={b.bodyId}>
                  <th scope="row">{bodyName(b, locale)}</th>
                  <td data-label={t("actions")} className={styles.number}>
                    {b.actions}
                  </td>
                  <td data-label={t("restrictions")} className={styles.number}>
                    {b.restrictions}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <div className="table-wrap">
          <table>
            <caption>{t("perModerator")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("moderator")}</th>
                <th scope="col" className={styles.number}>
                  {t("actions")}
                </th>
                <th scope="col" className={styles.number}>
                  {t("restrictions")}
                </th>
                <th scope="col" className={styles.number}>
                  {t("reversedOnContest")}
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.perModerator.map((m) => (
                <tr key={m.pseudonym}>
                  <th scope="row" className={styles.hash}>
                    {m.pseudonym}
                  </th>
                  <td data-label={t("actions")} className={styles.number}>
                    {m.actions}
                  </td>
                  <td data-label={t("restrictions")} className={styles.number}>
                    {m.restrictions}
                  </td>
                  <td data-label={t("reversedOnContest")} className={styles.number}>
                    {m.reversedOnContest}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p className="hint">{t("restrictionsNote")}</p>
    </section>
  );
}
