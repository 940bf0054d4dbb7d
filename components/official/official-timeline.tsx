import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { getAppealForOfficial } from "@/server/appeals/get-appeal-for-official";
import { bodyName } from "@/server/directory/body-name";

type Detail = Awaited<ReturnType<typeof getAppealForOfficial>>;

const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : null);
const date = (v: unknown) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);

/**
 * The appeal's history as the body sees it: who in the body did what and when, and for forwards whether
 * the legal 3 working days were kept, so a breach stays on the record in plain words.
 */
export async function OfficialTimeline({ detail }: { detail: Detail }) {
  const t = await getTranslations("official.timeline");
  const tc = await getTranslations("complaints.timeline");
  const te = await getTranslations("appeal.event");
  const td = await getTranslations("appeal.decision");
  const format = await getFormatter();
  const locale = await getLocale();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const body = (id: unknown) => {
    const b = typeof id === "string" ? detail.bodies[id] : undefined;
    return b ? bodyName(b, locale) : "—";
  };

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("title")}</h2>
      <ol className="timeline">
        {detail.events.map((e) => {
          const d = e.data;
          const due = date(e.type === "deadline_extended" ? d.to : d.dueAt);
          const previous = date(e.type === "deadline_extended" ? d.from : d.previousDueAt);
          const forwardBy = date(d.forwardBy);
          const passBy = date(d.passBy);
          const reason = text(d.reason);
          return (
            <li key={e.id}>
              <time dateTime={e.occurredAt.toISOString()}>{when(e.occurredAt)}</time>
              <strong>{te.has(e.type) ? te(e.type) : e.type}</strong>
              <div>
                {e.actorName
                  ? t("by", { name: e.actorName })
                  : e.actorRole === "citizen"
                    ? t("applicant")
                    : t("system")}
              </div>
              {(e.type === "forwarded" || e.type === "complaint_passed_up") && (
                <div>{t("fromTo", { from: body(d.from), to: body(d.to) })}</div>
              )}
              {e.type === "complaint_passed_up" && passBy && (
                <div>
                  {tc(d.onTime === false ? "passLate" : "passOnTime", {
                    term: typeof d.term === "number" ? d.term : 0,
                    date: day(passBy),
                  })}
                </div>
              )}
              {reason && (
                <div>
                  {t("reason", { reason: reason === "anonymous_crime_report" ? t("crimeReport") : reason })}
                </div>
              )}
              {e.type === "forwarded" && forwardBy && (
                <div>
                  {d.onTime === false
                    ? t("forwardLate", { date: day(forwardBy) })
                    : t("forwardOnTime", { date: day(forwardBy) })}
                </div>
              )}
              {text(d.decidedBy) && <div>{t("decidedBy", { name: String(d.decidedBy) })}</div>}
              {text(d.executorName) && <div>{t("executor", { name: String(d.executorName) })}</div>}
              {text(d.question) && (
                <blockquote>
                  <div>{t("question")}</div>
                  <p>{String(d.question)}</p>
                </blockquote>
              )}
              {d.pausesClock === true && <div>{t("clockStopped")}</div>}
              {text(d.reply) && (
                <blockquote>
                  <div>{t("reply")}</div>
                  <p>{String(d.reply)}</p>
                </blockquote>
              )}
              {text(d.decision) && td.has(String(d.decision)) && (
                <div>{t("decision", { decision: td(String(d.decision)) })}</div>
              )}
              {e.type === "answered" && d.onTime === false && <div>{t("answeredLate")}</div>}
              {due && e.type !== "answered" && (
                <div>
                  {e.type === "registered" || e.type === "deadline_missed"
                    ? t("deadline", { date: day(due) })
                    : t("newDeadline", { date: day(due) })}
                </div>
              )}
              {previous && due && previous.getTime() !== due.getTime() && (
                <div>{t("previousDeadline", { date: day(previous) })}</div>
              )}
              {typeof d.attachments === "number" && d.attachments > 0 && (
                <div>{t("files", { count: d.attachments })}</div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
