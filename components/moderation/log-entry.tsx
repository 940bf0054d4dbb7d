import { getFormatter, getTranslations } from "next-intl/server";
import type { ComponentProps } from "react";
import { Link } from "@/components/locale-link";
import { type GradingLogContent, isGradingContent } from "@/server/moderation/append-log-entry";
import type { LogEntriesPage } from "@/server/moderation/list-log-entries";
import styles from "./moderation.module.css";
import { StatementDetails } from "./statement-details";

type Href = ComponentProps<typeof Link>["href"];

/**
 * One entry of the public log as people read it: what was done to which appeal, why, by which
 * pseudonymous moderator and when, and how a contest of it ended. The appeal's text is never here.
 */
export async function LogEntry({
  entry,
  entryHref,
}: {
  entry: LogEntriesPage["entries"][number];
  entryHref: (seq: number) => Href;
}) {
  const t = await getTranslations("moderation.log");
  const ta = await getTranslations("moderation.action");
  const format = await getFormatter();
  const { content, contest } = entry;
  if (isGradingContent(content)) return <GradingEntry seq={entry.seq} at={entry.at} content={content} />;
  return (
    <li id={`entry-${entry.seq}`} className={styles.entry}>
      <h3>{t("entryTitle", { seq: entry.seq, action: ta(content.action) })}</h3>
      <dl className={`facts ${styles.facts}`}>
        <dt>{t("appeal")}</dt>
        <dd>
          {entry.appealIsPublic ? (
            <Link href={`/public-appeals/${encodeURIComponent(content.appeal)}`}>{content.appeal}</Link>
          ) : (
            <>
              {content.appeal} <span className="hint">({t("notPublic")})</span>
            </>
          )}
        </dd>
        <dt>{t("time")}</dt>
        <dd>
          <time dateTime={entry.at.toISOString()}>
            {format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "medium" })}
          </time>
        </dd>
        <dt>{t("moderator")}</dt>
        <dd className={styles.hash}>{content.moderator}</dd>
        {content.contest && (
          <>
            <dt>{t("decidesContest")}</dt>
            <dd>
              <Link href={entryHref(content.contest.of)}>{t("entryRef", { seq: content.contest.of })}</Link>
            </dd>
          </>
        )}
        {contest && (
          <>
            <dt>{t("contested")}</dt>
            <dd>
              {contest.decidedSeq ? (
                <>
                  {t(`contestOutcome.${contest.status}`)}:{" "}
                  <Link href={entryHref(contest.decidedSeq)}>
                    {t("entryRef", { seq: contest.decidedSeq })}
                  </Link>
                </>
              ) : (
                t("contestOutcome.open")
              )}
            </dd>
          </>
        )}
      </dl>
      {content.statement ? (
        <>
          <h4 className="hint">{t("statement")}</h4>
          <StatementDetails statement={content.statement} full />
        </>
      ) : (
        <p className="hint">{t("noStatement")}</p>
      )}
    </li>
  );
}

/** A grading round's commitment or reveal: anyone can hash the seed and re-draw the sample from it. */
async function GradingEntry({ seq, at, content }: { seq: number; at: Date; content: GradingLogContent }) {
  const t = await getTranslations("moderation.log");
  const ta = await getTranslations("moderation.action");
  const format = await getFormatter();
  return (
    <li id={`entry-${seq}`} className={styles.entry}>
      <h3>{t("entryTitle", { seq, action: ta(content.action) })}</h3>
      <dl className={`facts ${styles.facts}`}>
        <dt>{t("gradingRound")}</dt>
        <dd>
          <Link href={`/grading/${content.round}`}>{content.round}</Link>
        </dd>
        <dt>{t("time")}</dt>
        <dd>
          <time dateTime={at.toISOString()}>
            {format.dateTime(at, { dateStyle: "medium", timeStyle: "medium" })}
          </time>
        </dd>
        <dt>{t("seedSha256")}</dt>
        <dd className={styles.hash}>{content.seed_sha256}</dd>
        {content.seed && (
          <>
            <dt>{t("seed")}</dt>
            <dd className={styles.hash}>{content.seed}</dd>
          </>
        )}
        {content.sample_sha256 && (
          <>
            <dt>{t("sampleSha256")}</dt>
            <dd className={styles.hash}>{content.sample_sha256}</dd>
          </>
        )}
      </dl>
    </li>
  );
}
