import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/locale-link";
import { ContestDecisionForm } from "@/components/moderation/contest-decision-form";
import { DecisionForm } from "@/components/moderation/decision-form";
import { logEntryHref } from "@/components/moderation/log-links";
import styles from "@/components/moderation/moderation.module.css";
import { StatementDetails } from "@/components/moderation/statement-details";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";
import { orNotFound } from "@/server/or-not-found";

type Props = { params: Promise<{ locale: string; appealId: string }> };

export default async function ModerateAppealPage({ params }: Props) {
  const { locale, appealId } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (user.role !== "moderator") notFound();
  const t = await getTranslations("moderation.appeal");
  const te = await getTranslations("errors");
  const caller = await getCaller();
  // A moderator who works in the appeal's body is told why they cannot decide, not that it is missing.
  const view = await orNotFound(
    caller.moderation.get({ appealId }).catch((error: unknown) => {
      if (error instanceof TRPCError && error.message === "CONFLICT_OF_INTEREST") return null;
      throw error;
    }),
  );
  if (!view) {
    return (
      <>
        <h1>{t("conflictTitle")}</h1>
        <p className="alert alert-error">{te("CONFLICT_OF_INTEREST")}</p>
        <p>
          <Link href="/moderation">{t("back")}</Link>
        </p>
      </>
    );
  }
  const tv = await getTranslations("moderation.visibility");
  const ta = await getTranslations("moderation.action");
  const tk = await getTranslations("appeal.kind");
  const tcat = await getTranslations("appeal.category");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const { appeal, publication, contest } = view;
  const deciding = contest?.status === "open" && view.canDecideContest;
  const texts = { subject: appeal.subject, text: appeal.text, answer: view.answer };
  const current = {
    subject: publication.subjectRedactions,
    text: publication.redactions,
    answer: publication.answerRedactions,
  };

  return (
    <>
      <p>
        <Link href="/moderation">{t("back")}</Link>
      </p>
      <h1>{t("title", { number: appeal.number })}</h1>
      <p className="hint">{t("lead")}</p>

      <dl className={`facts ${styles.facts}`}>
        <dt>{t("visibility")}</dt>
        <dd>
          <span className="badge">{tv(publication.visibility)}</span>
        </dd>
        <dt>{t("kind")}</dt>
        <dd>{tk(appeal.kind)}</dd>
        <dt>{t("category")}</dt>
        <dd>{tcat(appeal.category)}</dd>
        <dt>{t("body")}</dt>
        <dd>{bodyName(view.body, locale)}</dd>
        <dt>{t("submitted")}</dt>
        <dd>
          <time dateTime={publication.submittedAt.toISOString()}>{when(publication.submittedAt)}</time>
        </dd>
      </dl>

      <section className={styles.section} aria-labelledby="text-heading">
        <h2 id="text-heading">{t("text")}</h2>
        <h3>{appeal.subject}</h3>
        <p className={styles.text}>{appeal.text}</p>
      </section>

      {view.answer && (
        <section className={styles.section} aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t("answer")}</h2>
          {view.answerAwaitingReview && <p className="alert">{t("answerAwaitingReview")}</p>}
          <p className={styles.text}>{view.answer.text}</p>
          <p className={`hint ${styles.text}`}>{view.answer.legalGrounds}</p>
          <p className={`hint ${styles.text}`}>{view.answer.appealRights}</p>
        </section>
      )}

      {view.history.length > 0 && (
        <section className={styles.section} aria-labelledby="history-heading">
          <h2 id="history-heading">{t("history")}</h2>
          <ol className="timeline">
            {view.history.map((h) => (
              <li key={h.seq}>
                <time dateTime={h.at.toISOString()}>{when(h.at)}</time>
                <strong>{ta(h.action)}</strong> —{" "}
                <Link href={logEntryHref(h.seq)}>{t("entry", { seq: h.seq })}</Link>,{" "}
                {h.byViewer ? t("byYou", { pseudonym: h.moderator }) : h.moderator}
                {h.statement && <StatementDetails statement={h.statement} />}
              </li>
            ))}
          </ol>
        </section>
      )}

      {contest && (
        <section className={styles.section} aria-labelledby="contest-heading">
          <h2 id="contest-heading">{t("contestTitle", { seq: contest.contestedSeq })}</h2>
          <p className={styles.text}>
            {t("contestReason")} {contest.reason}
          </p>
          {contest.status !== "open" ? (
            <p>{t(`contestDecided.${contest.status}`, { seq: contest.decidedSeq ?? 0 })}</p>
          ) : deciding ? (
            <>
              <p className="hint">{t("contestLead")}</p>
              <ContestDecisionForm
                appealId={appeal.id}
                number={appeal.number}
                texts={texts}
                redactions={current}
                detected={view.detected}
              />
            </>
          ) : (
            <p className="alert">{t("contestNotYours")}</p>
          )}
        </section>
      )}

      {!deciding && (
        <section className={styles.section} aria-labelledby="decide-heading">
          <h2 id="decide-heading">{t("decide")}</h2>
          {view.decisions.length === 0 ? (
            <p>{t("noDecisions")}</p>
          ) : (
            <DecisionForm
              appealId={appeal.id}
              number={appeal.number}
              texts={texts}
              redactions={current}
              detected={view.detected}
              decisions={view.decisions}
            />
          )}
        </section>
      )}
    </>
  );
}
