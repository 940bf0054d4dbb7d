import { getTranslations } from "next-intl/server";
import type { Statement } from "@/server/moderation/statement-of-reasons";
import styles from "./moderation.module.css";

/**
 * A statement of reasons as logged. `full` adds the DSA transparency-database codes, for the public log
 * where figures may be compared with that database; the citizen needs only the reasons in words.
 */
export async function StatementDetails({
  statement,
  full = false,
}: {
  statement: Statement;
  full?: boolean;
}) {
  const t = await getTranslations("moderation.statement");
  const tg = await getTranslations("moderation.ground");
  const ts = await getTranslations("moderation.source");
  const td = await getTranslations("moderation.dsa");
  // A code of the DSA transparency database in words, the code beside it for those who compare figures.
  const code = (value: string) => (
    <>
      {td.has(value as "DECISION_VISIBILITY_OTHER") ? td(value as "DECISION_VISIBILITY_OTHER") : value} (
      <code>{value}</code>)
    </>
  );
  return (
    <dl className={`facts ${styles.facts}`}>
      <dt>{t("ground")}</dt>
      <dd>
        {tg(statement.tyndau_ground)}
        {full && <>: {code(statement.decision_ground)}</>}
      </dd>
      <dt>{t("facts")}</dt>
      <dd className={styles.text}>{statement.decision_facts}</dd>
      <dt>{t("source")}</dt>
      <dd>
        {ts(statement.source_type)}
        {statement.source_identity && <>: {statement.source_identity}</>}
      </dd>
      {full && (
        <>
          <dt>{t("visibility")}</dt>
          <dd>{code(statement.decision_visibility)}</dd>
          <dt>{t("category")}</dt>
          <dd>{code(statement.category)}</dd>
          <dt>{t("automated")}</dt>
          <dd>{t("notAutomated")}</dd>
          <dt>{t("applicationDate")}</dt>
          <dd>
            <time dateTime={statement.application_date}>{statement.application_date}</time>
          </dd>
        </>
      )}
    </dl>
  );
}
