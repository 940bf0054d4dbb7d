import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AppealTimeline } from "@/components/appeals/appeal-timeline";
import styles from "@/components/citizen/citizen.module.css";
import { ClarificationForm } from "@/components/citizen/clarification-form";
import { ComplaintForm } from "@/components/citizen/complaint-form";
import { DeadlineStatus } from "@/components/citizen/deadline-status";
import { localDay } from "@/components/citizen/local-day";
import { RatingForm } from "@/components/citizen/rating-form";
import { Link } from "@/components/locale-link";
import { PublicationStatus } from "@/components/moderation/publication-status";
import { asLocale } from "@/i18n/routing";
import { attachmentLink } from "@/server/appeals/attachment-link";
import { TEXT_LIMITS } from "@/server/appeals/text-limits";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";
import { REGIONS, type RegionCode } from "@/server/directory/regions";
import { orNotFound } from "@/server/or-not-found";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AppealPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  const view = await orNotFound((await getCaller()).appeal.get({ id }));
  const t = await getTranslations("citizen.appeal");
  const tc = await getTranslations("citizen.complain");
  const ts = await getTranslations("appeal.status");
  const tk = await getTranslations("appeal.kind");
  const tcat = await getTranslations("appeal.category");
  const td = await getTranslations("appeal.decision");
  const te = await getTranslations("appeal.event");
  const to = await getTranslations("timeline.outcome");
  const tu = await getTranslations("ui");
  // Set by the reply form once the reply is in: the citizen sees it was received.
  const clarified = (await searchParams).clarified === "1";
  const format = await getFormatter();
  const { appeal, answer, rating } = view;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const body = view.body ? bodyName(view.body, locale) : "";
  const superior = view.superiorBody ? bodyName(view.superiorBody, locale) : "";
  const region = appeal.region && appeal.region in REGIONS ? REGIONS[appeal.region as RegionCode] : null;
  const lang = asLocale(locale);

  return (
    <>
      <h1>
        {tk(appeal.kind)} {appeal.number}
      </h1>
      <p className="actions">
        <span className="badge">{ts(appeal.status)}</span>
        {view.deadline.daysLeft !== null && <DeadlineStatus state={view.deadline} />}
      </p>

      {/* The body waits for the citizen: said first, with the question, one tap from the reply form. */}
      {view.can.clarify && (
        <div className="alert alert-warn">
          <p>{tu("clarifyAsked")}</p>
          {view.question && (
            <blockquote>
              <p className={styles.prose}>{view.question}</p>
            </blockquote>
          )}
          <p>
            <a href="#clarify-heading">{tu("clarifyJump")}</a>
          </p>
        </div>
      )}
      {clarified && !view.can.clarify && (
        <p role="status" className="alert alert-ok">
          {tu("clarifySent")}
        </p>
      )}

      {view.complaintOf && (
        <p>
          {t("complaintOf")} <Link href={`/appeals/${view.complaintOf.id}`}>{view.complaintOf.number}</Link>
        </p>
      )}
      {view.complaints.map((c) => (
        <p key={c.id} className="alert alert-ok">
          {t("complaintFiled")} <Link href={`/appeals/${c.id}`}>{c.number}</Link> ({ts(c.status)})
        </p>
      ))}

      {view.deadline.overdue && (
        <div role="alert" className="alert alert-error">
          <p>{t("overdueExplained", { date: day(appeal.dueAt) })}</p>
        </div>
      )}

      <dl className={`facts ${styles.facts}`}>
        <dt>{t("subject")}</dt>
        <dd>{appeal.subject}</dd>
        <dt>{t("body")}</dt>
        <dd>{body}</dd>
        <dt>{t("category")}</dt>
        <dd>{tcat(appeal.category)}</dd>
        <dt>{t("region")}</dt>
        <dd>{region ? region.name[lang] : t("wholeCountry")}</dd>
        <dt>{t("filedAt")}</dt>
        <dd>
          <time dateTime={appeal.filedAt.toISOString()}>
            {format.dateTime(appeal.filedAt, { dateStyle: "long", timeStyle: "short" })}
          </time>
        </dd>
        <dt>{t("registeredOn")}</dt>
        <dd>
          <time dateTime={appeal.registeredOn}>{day(localDay(appeal.registeredOn))}</time>
        </dd>
        <dt>{t("deadline")}</dt>
        <dd>
          <time dateTime={appeal.dueAt.toISOString()}>{day(appeal.dueAt)}</time>
          {appeal.extendedAt && <> ({t("extended")})</>}
        </dd>
        <dt>{t("publication")}</dt>
        <dd>{appeal.publishConsent ? t("published") : t("notPublished")}</dd>
      </dl>
      <p className={styles.noPrint}>
        <Link href={`/appeals/${appeal.id}/receipt`}>{t("receipt")}</Link>
      </p>

      <section className={styles.section} aria-labelledby="text-heading">
        <h2 id="text-heading">{t("text")}</h2>
        <p className={styles.prose}>{appeal.text}</p>
      </section>

      {appeal.publishConsent && <PublicationStatus appealId={appeal.id} />}

      {view.attachments.length > 0 && (
        <section className={styles.section} aria-labelledby="files-heading">
          <h2 id="files-heading">{t("files")}</h2>
          <ul>
            {view.attachments.map((f) => (
              <li key={f.id}>
                <a href={attachmentLink(f.id, user)} download={f.fileName}>
                  {f.fileName}
                </a>{" "}
                <span className="hint">
                  ({t("fileSize", { kb: Math.max(1, Math.round(f.size / 1024)) })}
                  {f.sentWith ? `; ${te(f.sentWith)}` : ""})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {view.can.clarify && (
        <section className={styles.section} aria-labelledby="clarify-heading">
          <h2 id="clarify-heading">{t("clarifyTitle")}</h2>
          {view.question && (
            <blockquote>
              <p className={styles.prose}>{view.question}</p>
            </blockquote>
          )}
          <p className="hint">{t("clarifyHint")}</p>
          <ClarificationForm appealId={appeal.id} maxText={TEXT_LIMITS.text.max} />
        </section>
      )}

      {answer && (
        <section className={styles.section} aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t("answerTitle", { body: bodyName(answer.body, locale) })}</h2>
          <dl className={`facts ${styles.facts}`}>
            <dt>{t("decision")}</dt>
            <dd>
              <strong>{td(answer.decision)}</strong>
            </dd>
            <dt>{t("answeredAt")}</dt>
            <dd>
              <time dateTime={answer.answeredAt.toISOString()}>
                {format.dateTime(answer.answeredAt, { dateStyle: "long", timeStyle: "short" })}
              </time>
              {!answer.onTime && <> — {t("late")}</>}
            </dd>
          </dl>
          <h3>{t("answerText")}</h3>
          <p className={styles.prose}>{answer.text}</p>
          <h3>{t("legalGrounds")}</h3>
          <p className={styles.prose}>{answer.legalGrounds}</p>
          <h3>{t("appealRights")}</h3>
          <p className={styles.prose}>{answer.appealRights}</p>
        </section>
      )}

      {view.can.rate && (
        <section className={styles.section} aria-labelledby="rate-heading">
          <h2 id="rate-heading">{t("rateTitle")}</h2>
          <RatingForm appealId={appeal.id} />
        </section>
      )}
      {rating && (
        <section className={styles.section} aria-labelledby="rating-heading">
          <h2 id="rating-heading">{t("ratingTitle")}</h2>
          <p>
            {t("ratingGiven", {
              outcome: to(rating.outcome),
              quality: rating.quality,
              heard: rating.heard ? "yes" : "no",
            })}
          </p>
        </section>
      )}

      {view.can.complain && (
        <section className={styles.section} aria-labelledby="complain-heading">
          <h2 id="complain-heading">{tc("title", { body: superior })}</h2>
          <p>{view.complaintGrounds === "overdue" ? tc("overdueLead") : tc("answerLead")}</p>
          <ComplaintForm
            appealId={appeal.id}
            superiorBody={superior}
            maxText={TEXT_LIMITS.text.max}
            defaultText={
              view.complaintGrounds === "overdue"
                ? tc("overdueText", {
                    number: appeal.number,
                    filed: day(appeal.filedAt),
                    body,
                    due: day(appeal.dueAt),
                  })
                : undefined
            }
          />
        </section>
      )}

      <div className={styles.section}>
        <AppealTimeline entries={view.timeline} appealHref={(appealId) => `/appeals/${appealId}`} />
      </div>
    </>
  );
}
