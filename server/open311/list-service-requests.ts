import { and, desc, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealAnswers, appealPublications, appeals, stateBodies } from "@/db/schema";
import { bodyName } from "@/server/directory/body-name";
import { ACTIONS, type AppealStatus, isAwaitingAnswer } from "../appeals/lifecycle";
import { appealNumberOf, openIdOf } from "../appeals/open-id";
import { publicSegments } from "../moderation/redactions";
import { applicantOf } from "../public-appeals/applicant-of";
import { isPublic, reviewedAnswer } from "../public-appeals/public-appeal-view";
import type { Translate } from "./open311-locale";
import { MAX_REQUESTS, type RequestFilters, w3Datetime } from "./request-filters";

/** GeoReport v2: the description is "free form text limited to 4,000 characters". */
const DESCRIPTION_MAX = 4000;

const ANSWERED = sql`${appeals.status} in ('answered', 'closed')`;

/** The status each event leaves the appeal in, from the one state machine; filing leaves it registered. */
const STATUS_AFTER: [event: string, status: AppealStatus][] = [
  ["registered", "registered"],
  ...Object.values(ACTIONS).flatMap((a): [string, AppealStatus][] => (a.to ? [[a.event, a.to]] : [])),
];
const statusAfter = sql.join(
  [sql`case type`, ...STATUS_AFTER.map(([event, status]) => sql`when ${event} then ${status}`), sql`end`],
  sql` `,
);

/**
 * When the status last changed according to the appeal's history. An event that leaves the status as it
 * was (an extension, a reassignment, a missed deadline) is no change.
 */
const lastStatusEvent = sql`(
  select max(s.occurred_at) from (
    select e.occurred_at, e.status_after, lag(e.status_after) over (order by e.id) as status_before
    from (select id, occurred_at, ${statusAfter} as status_after from appeal_events
          where appeal_id = ${appeals.id}
            and type in (${sql.join(
              STATUS_AFTER.map(([event]) => sql`${event}`),
              sql`, `,
            )})) e
  ) s where s.status_before is distinct from s.status_after)`;

/**
 * GeoReport v2's updated_datetime: when the appeal entered its status. The appeal's own time of that
 * status where it keeps one (answered, closed, received by its body, paused for a clarification), as the
 * domain's clock set it; otherwise (taken in work) the history's.
 */
const lastStatusChange = sql<Date>`coalesce(case ${appeals.status}
    when 'answered' then ${appeals.answeredAt}
    when 'closed' then ${appeals.closedAt}
    when 'registered' then ${appeals.receivedAt}
    when 'awaiting_clarification' then ${appeals.pausedAt}
  end, ${lastStatusEvent}, ${appeals.filedAt})`.mapWith(appeals.filedAt);

/**
 * Every appeal is a service request here, so that a client can follow what it filed and anyone can see
 * how fast each body answers. What the appeal says (description) and where (address, lat, long) appear
 * only for appeals a moderator published (public-appeal-view.ts), with the redacted parts replaced; for
 * the rest those fields are null. Nothing of the applicant ever appears.
 */
async function selectRequests(db: Db, where: SQL | undefined, limit: number) {
  return db
    .select({
      number: appeals.number,
      status: appeals.status,
      category: appeals.category,
      filedAt: appeals.filedAt,
      dueAt: appeals.dueAt,
      overdueAt: appeals.overdueAt,
      id: appeals.id,
      updatedAt: lastStatusChange,
      latitude: appeals.latitude,
      longitude: appeals.longitude,
      locationText: appeals.locationText,
      body: { nameKk: stateBodies.nameKk, nameRu: stateBodies.nameRu, nameEn: stateBodies.nameEn },
      subject: appeals.subject,
      subjectRedactions: appealPublications.subjectRedactions,
      text: appeals.text,
      redactions: appealPublications.redactions,
      isPublic: sql<boolean>`coalesce(${isPublic}, false)`,
      answerLogSeq: appealPublications.answerLogSeq,
      answerRedactions: appealPublications.answerRedactions,
      answer: {
        decision: appealAnswers.decision,
        text: appealAnswers.text,
        legalGrounds: appealAnswers.legalGrounds,
        appealRights: appealAnswers.appealRights,
        answeredAt: appealAnswers.answeredAt,
        onTime: appealAnswers.onTime,
      },
    })
    .from(appeals)
    .innerJoin(stateBodies, sql`${stateBodies.id} = ${appeals.bodyId}`)
    .leftJoin(appealPublications, sql`${appealPublications.appealId} = ${appeals.id}`)
    .leftJoin(appealAnswers, sql`${appealAnswers.appealId} = ${appeals.id}`)
    .where(where)
    .orderBy(desc(appeals.filedAt), desc(appeals.number))
    .limit(limit);
}

type Row = Awaited<ReturnType<typeof selectRequests>>[number];

async function toServiceRequests(db: Db, rows: Row[], o: { locale: string; t: Translate }) {
  return Promise.all(rows.map(async (row) => toServiceRequest(row, await publicAnswer(db, row, o.t), o)));
}

function description(row: Row, t: Translate): string | null {
  if (!row.isPublic) return null;
  // The subject and the text as a moderator reviewed them, each redaction as a marker.
  const reviewed = (text: string, spans: readonly { start: number; end: number }[]) =>
    publicSegments(text, spans)
      .map((s) => ("text" in s ? s.text : t("open311.redacted")))
      .join("");
  const text = reviewed(row.text, row.redactions ?? []);
  const subject = reviewed(row.subject, row.subjectRedactions ?? []);
  const full = subject && !text.startsWith(subject) ? `${subject}\n\n${text}` : text;
  return full.length > DESCRIPTION_MAX ? `${full.slice(0, DESCRIPTION_MAX - 1)}…` : full;
}

/**
 * The answer as the appeal's public page shows it (public-appeal-view.ts): only of a published appeal
 * whose answer a moderator reviewed, with their redactions and the applicant's names and contacts taken
 * out. Of any other appeal, null: its answer is not public.
 */
async function publicAnswer(db: Db, row: Row, t: Translate): Promise<string | null> {
  const { answer } = row;
  if (!row.isPublic || row.answerLogSeq === null || answer?.decision == null || answer.text == null)
    return null;
  const reviewed = reviewedAnswer(
    {
      ...row,
      redactions: row.redactions ?? [],
      subjectRedactions: row.subjectRedactions ?? [],
      answerRedactions: row.answerRedactions ?? {},
    },
    { ...answer, decision: answer.decision, text: answer.text } as Parameters<typeof reviewedAnswer>[1],
    await applicantOf(db, row.id),
  );
  const text = reviewed.text
    .map((s) =>
      "text" in s
        ? s.text
        : "name" in s
          ? t("publicAppeals.appeal.name")
          : t("publicAppeals.appeal.redacted"),
    )
    .join("");
  return `${t(`appeal.decision.${answer.decision}`)}: ${text}`;
}

function toServiceRequest(row: Row, answer: string | null, o: { locale: string; t: Translate }) {
  const status = row.status as AppealStatus;
  const open = isAwaitingAnswer(status);
  return {
    // ASCII, so that clients that put it in a URL unencoded work; the number people see is in service_notice.
    service_request_id: openIdOf(row.number),
    status: open ? "open" : "closed",
    status_notes: answer ?? o.t(`appeal.status.${open && row.overdueAt ? "overdue" : status}`),
    service_name: o.t(`appeal.category.${row.category}`),
    service_code: row.category,
    description: description(row, o.t),
    agency_responsible: bodyName(row.body, o.locale),
    requested_datetime: w3Datetime(row.filedAt),
    updated_datetime: w3Datetime(row.updatedAt),
    // The legal deadline of the answer (APPC Art. 76), as extended or restarted on the record.
    expected_datetime: w3Datetime(row.dueAt),
    address: row.isPublic ? row.locationText : null,
    lat: row.isPublic ? row.latitude : null,
    long: row.isPublic ? row.longitude : null,
  };
}

export type ServiceRequest = ReturnType<typeof toServiceRequest>;

/** GET requests: newest first, at most 1000 (GeoReport v2's volume limit). */
export async function listServiceRequests(
  db: Db,
  o: { filters: RequestFilters; locale: string; t: Translate },
): Promise<ServiceRequest[]> {
  const f = o.filters;
  const where =
    f.kind === "ids"
      ? inArray(
          appeals.number,
          f.numbers.map((n) => appealNumberOf(n) ?? n),
        )
      : and(
          gte(appeals.filedAt, f.from),
          lte(appeals.filedAt, f.to),
          f.serviceCodes ? inArray(appeals.category, f.serviceCodes) : undefined,
          f.statuses?.length === 1 ? (f.statuses[0] === "open" ? sql`not ${ANSWERED}` : ANSWERED) : undefined,
        );
  return toServiceRequests(db, await selectRequests(db, where, MAX_REQUESTS), o);
}

/** GET requests/{id}: one appeal by its id (JT-2026-000314) or its registration number, or null. */
export async function getServiceRequest(
  db: Db,
  o: { id: string; locale: string; t: Translate },
): Promise<ServiceRequest | null> {
  const number = appealNumberOf(o.id) ?? o.id;
  const rows = await selectRequests(db, sql`${appeals.number} = ${number}`, 1);
  const [request] = await toServiceRequests(db, rows, o);
  return request ?? null;
}
