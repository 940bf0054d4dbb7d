import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/components/locale-link";
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
export async function AnswerFiguresSection({
  figures: f,
  scope,
  drill = null,
}: {
  figures: AnswerFigures;
  scope: string;
  /** For auditors: the period and scope of the drill-down (/audit) the counts link to. */
  drill?: Record<string, string> | null;
}) {
  const t = await getTranslations("answerCheck.figures");
  const td = await getTranslations("appeal.decision");
  const format = await getFormatter();
  const none = t("none");
  const rate = (part: number, whole: number) => formatValue(format, "rate", share(part, whole), none);
  const tdash = await getTranslations("dashboard");
  const taudit = await getTranslations("audit.figure");
  const counted = f.cameBackCountedAt
    ? t("cameBackCounted", {
        at: format.dateTime(new Date(f.cameBackCountedAt), { dateStyle: "medium", timeStyle: "short" }),
      })
    : t("cameBackNotCounted");
  // [name, count, base, hint, the drill-down figure listing the count's appeals (or the rest of the base)]
  const rows: [string, number, number, string | undefined, string][] = [
    [t("headline"), f.satisfiedNotResolved, f.satisfiedRated, undefined, "saidSatisfiedNotResolved"],
    [t("cameBack"), f.cameBack, f.cameBackBase, `${t("cameBackHint")} ${counted}`, "cameBack"],
    [t("lawfulLanguage"), f.lawfulLanguage, f.checked, t("checkedHint"), "unlawfulLanguage"],
    [t("legalGround"), f.namesLegalGround, f.checked, t("checkedHint"), "noLegalGround"],
    [t("formal"), f.formal, f.answered, t("formalHint"), "formal"],
  ];
  const audited = (figure: string, n: number, text?: string) =>
    drill && n > 0 ? (
      <Link
        href={{ pathname: "/audit", query: { ...drill, figure } }}
        aria-label={tdash("all.drill", { n, metric: taudit(figure as "formal") })}
      >
        {text ?? format.number(n)}
      </Link>
    ) : (
      format.number(n)
    );
  const inverse = (figure: string) => figure === "unlawfulLanguage" || figure === "noLegalGround";
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
            {rows.map(([label, part, whole, hint, figure]) => (
              <tr key={label}>
                <th scope="row">
                  {label}
                  {hint && <span className={styles.rowHint}>{hint}</span>}
                </th>
                <td className={styles.number}>{rate(part, whole)}</td>
                <td className={styles.number}>
                  {inverse(figure) ? format.number(part) : audited(figure, part)} / {format.number(whole)}
                  {inverse(figure) && drill && whole - part > 0 && (
                    <span className={styles.rowHint}>
                      {audited(
                        figure,
                        whole - part,
                        `${format.number(whole - part)}: ${taudit(figure as "formal")}`,
                      )}
                    </span>
                  )}
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
