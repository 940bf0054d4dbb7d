import { getFormatter, getTranslations } from "next-intl/server";
import type { AnswerFigures } from "@/server/metrics/answer-figures";
import styles from "./dashboard.module.css";
import { formatValue } from "./dashboard-view";

const DECISIONS = [
  "satisfied",
  "partly_satisfied",
  "refused",
  "explained",
  "left_without_consideration",
] as const;
const VERDICTS = ["resolved", "partly", "not_resolved"] as const;

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * The body's decisions beside its citizens' verdicts, and what its answers say (docs/metrics.md
 * "Outcomes", "Answers that say something"): every share with the count it is out of.
 */
export async function AnswerFiguresSection({ figures: f, scope }: { figures: AnswerFigures; scope: string }) {
  const t = await getTranslations("answerCheck.figures");
  const td = await getTranslations("appeal.decision");
  const format = await getFormatter();
  const none = t("none");
  const rate = (part: number, whole: number) => formatValue(format, "rate", share(part, whole), none);
  const rows: [string, number, number, string?][] = [
    [t("headline"), f.satisfiedNotResolved, f.satisfiedRated],
    [t("cameBack"), f.cameBack, f.cameBackBase, t("cameBackHint")],
    [t("lawfulLanguage"), f.lawfulLanguage, f.checked, t("checkedHint")],
    [t("legalGround"), f.namesLegalGround, f.checked, t("checkedHint")],
    [t("formal"), f.formal, f.answered, t("formalHint")],
  ];
  return (
    <section className={styles.section} aria-labelledby="answers-heading">
      <h2 id="answers-heading">{t("title")}</h2>
      <p>{t("lead")}</p>
      <div className="table-wrap">
        <table>
          <caption className={styles.caption}>{t("answersCaption", { scope })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("figure")}</th>
              <th scope="col" className={styles.number}>
                {t("value")}
              </th>
              <th scope="col" className={styles.number}>
                {t("base")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, part, whole, hint]) => (
              <tr key={label}>
                <th scope="row">
                  {label}
                  {hint && <span className={styles.rowHint}>{hint}</span>}
                </th>
                <td className={styles.number}>{rate(part, whole)}</td>
                <td className={styles.number}>
                  {format.number(part)} / {format.number(whole)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table>
          <caption className={styles.caption}>{t("claimedCaption", { scope })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("decision")}</th>
              <th scope="col" className={styles.number}>
                {t("share")}
              </th>
              {VERDICTS.map((v) => (
                <th key={v} scope="col" className={styles.number}>
                  {t(`verdict.${v}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DECISIONS.map((d) => (
              <tr key={d}>
                <th scope="row">{td(d)}</th>
                <td className={styles.number}>
                  {rate(f.decisions[d], f.answered)} ({format.number(f.decisions[d])} /{" "}
                  {format.number(f.answered)})
                </td>
                {VERDICTS.map((v) => (
                  <td key={v} className={styles.number}>
                    {format.number(f.claimed[d][v])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
