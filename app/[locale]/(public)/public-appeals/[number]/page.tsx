import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { localDay } from "@/components/citizen/local-day";
import { Link } from "@/components/locale-link";
import { logEntryHref } from "@/components/moderation/log-links";
import styles from "@/components/public-appeals/public-appeals.module.css";
import { PublicText, plainText } from "@/components/public-appeals/public-text";
import { PublicStatusBadge } from "@/components/public-appeals/status-badge";
import { SupportForm } from "@/components/public-appeals/support-form";
import { Tombstone } from "@/components/public-appeals/tombstone";
import { ReplicaLagNote } from "@/components/replica-lag";
import { asLocale } from "@/i18n/routing";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";
import { REGIONS, type RegionCode } from "@/server/directory/regions";
import { orNotFound } from "@/server/or-not-found";
import { supportPublicAppeal } from "./actions";

type Props = { params: Promise<{ locale: string; number: string }> };

// Next may hand the segment over still percent-encoded (the numbers are Cyrillic).
const numberOf = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

// One read per request, shared by the metadata and the page.
const load = cache(async (number: string) => (await getCaller()).publicAppeals.get({ number }));

/** The title names the appeal only while it is public: a hidden or unknown one gets a neutral title. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, number } = await params;
  const t = await getTranslations({ locale, namespace: "publicAppeals" });
  const view = await load(numberOf(number)).catch((error: unknown) => {
    if (error instanceof TRPCError) return null;
    throw error;
  });
  if (!view) return { title: t("appeal.metaTitle"), robots: { index: false } };
  if (view.hidden) return { title: t("tombstone.metaTitle"), robots: { index: false } };
  return { title: `${view.appeal.number}: ${plainText(view.appeal.subject, t("appeal.redacted"))}` };
}

export default async function PublicAppealPage({ params }: Props) {
  const { locale, number } = await params;
  setRequestLocale(locale);
  const [view, lag] = await Promise.all([
    orNotFound(load(numberOf(number))),
    (await getCaller()).replica.lag(),
  ]);
  if (view.hidden) return <Tombstone tombstone={view} />;

  const t = await getTranslations("publicAppeals.appeal");
  const ta = await getTranslations("publicAppeals.action");
  const tk = await getTranslations("appeal.kind");
  const tc = await getTranslations("appeal.category");
  const td = await getTranslations("appeal.decision");
  const format = await getFormatter();
  const { appeal, viewer } = view;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const region = appeal.region && appeal.region in REGIONS ? REGIONS[appeal.region as RegionCode] : null;
  const lang = asLocale(locale);
  const redacted = appeal.segments.some((s) => "redacted" in s);

  return (
    <>
      <p>
        <Link href="/public-appeals">{t("allAppeals")}</Link>
      </p>
      <h1>
        <PublicText segments={appeal.subject} inline />
      </h1>
      <p className="actions">
        <span>{t("title", { kind: tk(appeal.kind), number: appeal.number })}</span>
        <PublicStatusBadge status={appeal.status} overdue={appeal.overdue} />
      </p>
      <ReplicaLagNote lag={lag} />

      <dl className="facts" aria-label={t("facts")}>
        <dt>{t("body")}</dt>
        <dd>{bodyName(appeal.body, locale)}</dd>
        <dt>{t("category")}</dt>
        <dd>{tc(appeal.category)}</dd>
        <dt>{t("region")}</dt>
        <dd>{region ? region.name[lang] : t("wholeCountry")}</dd>
        <dt>{t("filedAt")}</dt>
        <dd>
          <time dateTime={appeal.filedAt.toISOString()}>{day(appeal.filedAt)}</time>
        </dd>
        <dt>{t("registeredOn")}</dt>
        <dd>
          <time dateTime={appeal.registeredOn}>{day(localDay(appeal.registeredOn))}</time>
        </dd>
        <dt>{t("deadline")}</dt>
        <dd>
          <time dateTime={appeal.dueAt.toISOString()}>{day(appeal.dueAt)}</time>
        </dd>
        {appeal.answeredAt && (
          <>
            <dt>{t("answeredAt")}</dt>
            <dd>
              <time dateTime={appeal.answeredAt.toISOString()}>{day(appeal.answeredAt)}</time>
            </dd>
          </>
        )}
      </dl>

      <section className={styles.section} aria-labelledby="text-heading">
        <h2 id="text-heading">{t("text")}</h2>
        <PublicText segments={appeal.segments} />
        {redacted && <p className="hint">{t("redactedNote")}</p>}
      </section>

      <section className={styles.section} aria-labelledby="answer-heading">
        <h2 id="answer-heading">{t("answerTitle")}</h2>
        {appeal.answer ? (
          <>
            <dl className="facts">
              <dt>{t("decision")}</dt>
              <dd>
                <strong>{td(appeal.answer.decision)}</strong>
              </dd>
              <dt>{t("answeredAt")}</dt>
              <dd>
                <time dateTime={appeal.answer.answeredAt.toISOString()}>{day(appeal.answer.answeredAt)}</time>
                {" — "}
                {appeal.answer.onTime ? t("onTime") : t("late")}
              </dd>
            </dl>
            <h3>{t("answerText")}</h3>
            <PublicText segments={appeal.answer.text} />
            <h3>{t("legalGrounds")}</h3>
            <PublicText segments={appeal.answer.legalGrounds} />
            <h3>{t("appealRights")}</h3>
            <PublicText segments={appeal.answer.appealRights} />
            <p className="hint">{t("nameNote")}</p>
          </>
        ) : appeal.answerAwaitingReview ? (
          <p>{t("answerAwaitingReview")}</p>
        ) : (
          <p>{t("noAnswer")}</p>
        )}
      </section>

      {appeal.rating && (
        <section className={styles.section} aria-labelledby="rating-heading">
          <h2 id="rating-heading">{t("ratingTitle")}</h2>
          <dl className="facts">
            <dt>{t("outcomeLabel")}</dt>
            <dd>{t(`outcome.${appeal.rating.outcome}`)}</dd>
            <dt>{t("quality")}</dt>
            <dd>{t("qualityValue", { quality: appeal.rating.quality })}</dd>
            <dt>{t("heard")}</dt>
            <dd>{appeal.rating.heard ? t("yes") : t("no")}</dd>
          </dl>
        </section>
      )}

      <section className={styles.section} aria-labelledby="support-heading">
        <h2 id="support-heading">{t("supportTitle")}</h2>
        <p className="hint">{t("supportHint")}</p>
        <SupportForm
          number={appeal.number}
          initial={{ count: appeal.supportCount, supported: viewer?.supported ?? false, error: null }}
          canSupport={viewer?.canSupport ?? false}
          action={supportPublicAppeal}
        />
        {!viewer && (
          <p>
            <Link href="/sign-in">{t("signInToSupport")}</Link>
          </p>
        )}
        {viewer?.own && <p>{t("own")}</p>}
        {viewer && !viewer.own && !viewer.canSupport && !viewer.supported && <p>{t("onlyCitizens")}</p>}
      </section>

      <section className={styles.section} aria-labelledby="moderation-heading">
        <h2 id="moderation-heading">{t("moderationTitle")}</h2>
        <p>{t("moderationLead")}</p>
        <ul>
          {appeal.moderation.map((e) => (
            <li key={e.seq}>
              <Link href={logEntryHref(e.seq)}>
                {t("logEntry", { seq: e.seq, action: ta(e.action), date: day(e.time) })}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
