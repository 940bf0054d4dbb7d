import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/components/locale-link";
import { getCaller } from "@/server/caller";
import { ContestForm } from "./contest-form";
import { logEntryHref } from "./log-links";
import styles from "./moderation.module.css";
import { StatementDetails } from "./statement-details";

/**
 * On the author's page of an appeal they allowed to publish: what the public sees of it, the decision
 * that put it there with its reasons, and the one contest the author may bring.
 */
export async function PublicationStatus({ appealId }: { appealId: string }) {
  const view = await (await getCaller()).moderation.publication({ appealId });
  if (!view) return null;
  const t = await getTranslations("moderation.citizen");
  const tv = await getTranslations("moderation.visibility");
  const ta = await getTranslations("moderation.action");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const { decision, contest } = view;

  return (
    <section className={styles.section} aria-labelledby="publication-heading">
      <h2 id="publication-heading">{t("title")}</h2>
      <p>
        {t("state")} <strong>{tv(view.visibility)}</strong>
      </p>
      <p className="hint">{t(`explain.${view.visibility}`, { count: view.redactions })}</p>
      {decision && (
        <>
          <h3>{t("decisionTitle")}</h3>
          <p>
            {ta(decision.action)}, <time dateTime={decision.at.toISOString()}>{when(decision.at)}</time>.{" "}
            <Link href={logEntryHref(decision.seq)}>{t("logEntry", { seq: decision.seq })}</Link>
          </p>
          {decision.statement ? (
            <StatementDetails statement={decision.statement} />
          ) : (
            <p>{t("noStatement")}</p>
          )}
        </>
      )}
      {contest && (
        <>
          <h3>{t("contestTitle")}</h3>
          <p className={styles.text}>
            {t("yourReason")} {contest.reason}
          </p>
          {contest.outcome ? (
            <>
              <p>
                <strong>{t(`contest.${contest.status}`)}</strong>{" "}
                <Link href={logEntryHref(contest.outcome.seq)}>
                  {t("logEntry", { seq: contest.outcome.seq })}
                </Link>
              </p>
              {contest.outcome.statement && <StatementDetails statement={contest.outcome.statement} />}
            </>
          ) : (
            <p>{t("contest.open")}</p>
          )}
        </>
      )}
      {view.canContest && (
        <>
          <h3>{t("contestAction")}</h3>
          <p className="hint">{t("contestOnce")}</p>
          <ContestForm appealId={appealId} />
        </>
      )}
    </section>
  );
}
