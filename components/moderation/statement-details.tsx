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
  return (
    <dl className={`facts ${styles.facts}`}>
      <dt>{t("ground")}</dt>
      <dd>
        {tg(statement.tyndau_ground)}
        {full && (
          <>
            {" "}
            (<code>{statement.decision_ground}</code>)
          </>
        )}
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
          <dd>
            <code>{statement.decision_visibility}</code>
          </dd>
          <dt>{t("category")}</dt>
          <dd>
            <code>{statement.category}</code>
          </dd>
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
