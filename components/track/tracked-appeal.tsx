import { getFormatter, getTranslations } from "next-intl/server";
import { AppealTimeline } from "@/components/appeals/appeal-timeline";
import { asLocale } from "@/i18n/routing";
import type { trackAppeal } from "@/server/appeals/track-appeal";
import { bodyName } from "@/server/directory/body-name";

export type TrackedAppealData = Awaited<ReturnType<typeof trackAppeal>>;

/**
 * An appeal as its receipt's holder follows it: where it stands, the answer, and every step so far. It
 * reads in the appeal's own language, the one its receipt and notices are in, whatever the site is in.
 */
export async function TrackedAppeal({ appeal }: { appeal: TrackedAppealData }) {
  const locale = asLocale(appeal.locale);
  const t = await getTranslations({ locale, namespace: "track" });
  const ta = await getTranslations({ locale, namespace: "appeal" });
  const format = await getFormatter({ locale });
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });

  return (
    <article aria-labelledby="tracked-heading" lang={locale}>
      <h2 id="tracked-heading" tabIndex={-1}>
        {t("heading", { number: appeal.number })}
      </h2>
      <p className="hint">{t("privacyNote")}</p>
      <dl className="facts">
        <dt>{t("status")}</dt>
        <dd>
          {ta(`status.${appeal.status}`)}
          {appeal.overdue && (
            <>
              {" "}
              <span className="badge badge-danger">{ta("status.overdue")}</span>
            </>
          )}
        </dd>
        <dt>{t("kind")}</dt>
        <dd>{ta(`kind.${appeal.kind}`)}</dd>
        {appeal.body && (
          <>
            <dt>{t("body")}</dt>
            <dd>{bodyName(appeal.body, locale)}</dd>
          </>
        )}
        <dt>{t("filedAt")}</dt>
        <dd>{when(appeal.filedAt)}</dd>
        <dt>{t("dueAt")}</dt>
        <dd>
          {t("dueAtNote", { dueAt: when(appeal.dueAt) })}
          {appeal.extendedAt && <p className="hint">{t("extended")}</p>}
        </dd>
      </dl>
      {appeal.overdue && (
        <p role="note" className="alert alert-error">
          {t("overdue")}
        </p>
      )}
      <section aria-labelledby="answer-heading">
        <h2 id="answer-heading">{t("answerTitle")}</h2>
        {appeal.answer ? (
          <>
            <dl className="facts">
              <dt>{t("decision")}</dt>
              <dd>{ta(`decision.${appeal.answer.decision}`)}</dd>
              <dt>{t("answeredAt")}</dt>
              <dd>{when(appeal.answer.answeredAt)}</dd>
            </dl>
            <p className="answer-text">{appeal.answer.text}</p>
            <h3>{t("legalGrounds")}</h3>
            <p>{appeal.answer.legalGrounds}</p>
            <h3>{t("appealRights")}</h3>
            <p>{appeal.answer.appealRights}</p>
          </>
        ) : (
          <p>{t("noAnswer")}</p>
        )}
      </section>
      <AppealTimeline entries={appeal.timeline} locale={locale} />
    </article>
  );
}
