import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AppealTimeline } from "@/components/appeals/appeal-timeline";
import { attachmentLink } from "@/server/appeals/attachment-link";
import type { getComplaintFile } from "@/server/appeals/get-complaint-file";
import type { SessionUser } from "@/server/auth/sessions";
import { bodyName } from "@/server/directory/body-name";
import styles from "./official.module.css";

type ComplaintFile = Awaited<ReturnType<typeof getComplaintFile>>;

/**
 * The whole file a complaint brings to the body considering it: each appeal it is about (the nearest
 * first), with the answer complained about, the history and the files, so the official reads them all
 * before answering.
 */
export async function ComplaintFileView({ file, viewer }: { file: ComplaintFile; viewer: SessionUser }) {
  const t = await getTranslations("complaints.file");
  const ta = await getTranslations("appeal");
  const tl = await getTranslations("language");
  const format = await getFormatter();
  const locale = await getLocale();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });

  return (
    <section aria-labelledby="complaint-file-heading">
      <h2 id="complaint-file-heading">{t("title")}</h2>
      <p className="hint">{t("lead")}</p>
      {file.map(({ appeal, body, answer, attachments, timeline }) => (
        <article key={appeal.id} aria-labelledby={`original-${appeal.id}`} className="card">
          <h3 id={`original-${appeal.id}`}>
            {t("appeal", { number: appeal.number, subject: appeal.subject })}
          </h3>
          <dl className={`facts ${styles.facts}`}>
            <dt>{t("body")}</dt>
            <dd>{body ? bodyName(body, locale) : "—"}</dd>
            <dt>{t("kind")}</dt>
            <dd>{ta(`kind.${appeal.kind}`)}</dd>
            <dt>{t("filedAt")}</dt>
            <dd>{when(appeal.filedAt)}</dd>
            <dt>{t("language")}</dt>
            <dd>{tl.has(`name.${appeal.locale}`) ? tl(`name.${appeal.locale}`) : appeal.locale}</dd>
          </dl>
          <h4>{t("text")}</h4>
          <p className={styles.text} lang={appeal.locale}>
            {appeal.text}
          </p>
          <h4>{t("answer")}</h4>
          {answer ? (
            <>
              <dl className={`facts ${styles.facts}`}>
                <dt>{t("decision")}</dt>
                <dd>{ta(`decision.${answer.decision}`)}</dd>
                <dt>{t("answerText")}</dt>
                <dd className={styles.text}>{answer.text}</dd>
                <dt>{t("legalGrounds")}</dt>
                <dd className={styles.text}>{answer.legalGrounds}</dd>
                <dt>{t("appealRights")}</dt>
                <dd className={styles.text}>{answer.appealRights}</dd>
              </dl>
              <p>{t("answeredBy", { name: answer.answeredByName, date: when(answer.answeredAt) })}</p>
            </>
          ) : (
            <p>{t("noAnswer")}</p>
          )}
          <h4>{t("files")}</h4>
          {attachments.length === 0 ? (
            <p>{t("noFiles")}</p>
          ) : (
            <ul className={styles.files}>
              {attachments.map((f) => (
                <li key={f.id}>
                  <a href={attachmentLink(f.id, viewer)} download={f.fileName}>
                    {f.fileName}
                  </a>{" "}
                  ({t("fileSize", { size: Math.max(1, Math.round(f.size / 1024)) })})
                  {f.eventId !== null && <> — {t("answerFile")}</>}
                </li>
              ))}
            </ul>
          )}
          <AppealTimeline entries={timeline} headingLevel={4} headingId={`original-history-${appeal.id}`} />
        </article>
      ))}
    </section>
  );
}
