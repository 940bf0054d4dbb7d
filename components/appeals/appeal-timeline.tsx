import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/locale-link";
import type { Locale } from "@/i18n/routing";
import type { TimelineEntry } from "@/server/appeals/get-timeline";
import { bodyName } from "@/server/directory/body-name";
import styles from "./appeal-timeline.module.css";

type Props = {
  entries: TimelineEntry[];
  /** Where a related appeal (a complaint, or the appeal complained about) opens; omitted: number only. */
  appealHref?: (id: string) => string;
  headingLevel?: 2 | 3 | 4;
  /** Needed where a page shows more than one history (a complaint's file). */
  headingId?: string;
  /** The language to write it in, when not the page's (a tracked appeal reads in its applicant's). */
  locale?: Locale;
};

/** Every event of an appeal in plain words: when (Kazakhstan time), who (a role and a body), what. */
export async function AppealTimeline({
  entries,
  appealHref,
  headingLevel = 2,
  headingId = "timeline-heading",
  locale: given,
}: Props) {
  const locale = given ?? (await getLocale());
  const t = await getTranslations({ locale, namespace: "timeline" });
  const te = await getTranslations({ locale, namespace: "appeal.event" });
  const td = await getTranslations({ locale, namespace: "appeal.decision" });
  const format = await getFormatter({ locale });
  const Heading = `h${headingLevel}` as const;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });

  function who(e: TimelineEntry): string {
    const body = e.body ? bodyName(e.body, locale) : null;
    switch (e.actorRole) {
      case "citizen":
        return t("actor.citizen");
      case "official":
        return body ? t("actor.officialOf", { body }) : t("actor.official");
      case "operator":
        return t("actor.operator");
      default:
        return t("actor.system");
    }
  }

  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId}>{t("title")}</Heading>
      {entries.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ol className="timeline">
          {entries.map((e) => (
            <li key={e.id}>
              <time dateTime={e.occurredAt.toISOString()}>{when(e.occurredAt)}</time>
              <strong>{te.has(e.type) ? te(e.type) : e.type}</strong>
              <div>{who(e)}</div>
              {e.toBody && (
                <div>
                  {e.type === "complaint_filed"
                    ? t("complaintTo", { body: bodyName(e.toBody, locale) })
                    : t("sentTo", { body: bodyName(e.toBody, locale) })}
                </div>
              )}
              {e.relatedAppealId && e.relatedNumber && (
                <div>
                  {e.type === "registered" ? t("complaintAbout") : t("complaintNumber")}{" "}
                  {appealHref ? (
                    <Link href={appealHref(e.relatedAppealId)}>{e.relatedNumber}</Link>
                  ) : (
                    e.relatedNumber
                  )}
                </div>
              )}
              {e.reason && (
                <div>
                  {t("reason")} {e.reason === "anonymous_crime_report" ? t("crimeReportReason") : e.reason}
                </div>
              )}
              {e.question && (
                <blockquote className={styles.quote}>
                  <div>{t("question")}</div>
                  <p>{e.question}</p>
                </blockquote>
              )}
              {e.reply && (
                <blockquote className={styles.quote}>
                  <div>{t("reply")}</div>
                  <p>{e.reply}</p>
                </blockquote>
              )}
              {e.decision && td.has(e.decision) && <div>{t("decision", { decision: td(e.decision) })}</div>}
              {e.onTime === false && e.type === "answered" && <div>{t("late")}</div>}
              {e.rating && (
                <div>
                  {t("rating", {
                    outcome: t(`outcome.${e.rating.outcome}`),
                    quality: e.rating.quality,
                    heard: e.rating.heard ? "yes" : "no",
                  })}
                </div>
              )}
              {e.dueAt && e.type !== "answered" && (
                <div className={styles.detail}>
                  {e.type === "deadline_missed" ? t("missedDeadline") : t("deadline")}{" "}
                  <time dateTime={e.dueAt.toISOString()}>{day(e.dueAt)}</time>
                </div>
              )}
              {e.previousDueAt && e.dueAt && e.previousDueAt.getTime() !== e.dueAt.getTime() && (
                <div className={styles.detail}>
                  {t("previousDeadline")}{" "}
                  <time dateTime={e.previousDueAt.toISOString()}>{day(e.previousDueAt)}</time>
                </div>
              )}
              {e.attachments > 0 && <div>{t("attachments", { count: e.attachments })}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
