import { and, desc, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { bodyName } from "@/components/localized";
import type { Db } from "@/db/client";
import { appealPublications, appeals, stateBodies } from "@/db/schema";
import { type AppealStatus, isAwaitingAnswer } from "../appeals/lifecycle";
import { publicSegments } from "../moderation/redactions";
import { isPublic } from "../public-appeals/public-appeal-view";
import type { Translate } from "./open311-locale";
import { MAX_REQUESTS, type RequestFilters, w3Datetime } from "./request-filters";

/** GeoReport v2: the description is "free form text limited to 4,000 characters". */
const DESCRIPTION_MAX = 4000;

const ANSWERED = sql`${appeals.status} in ('answered', 'closed')`;

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
      updatedAt: sql<Date>`greatest(${appeals.filedAt}, ${appeals.receivedAt}, ${appeals.extendedAt},
        ${appeals.pausedAt}, ${appeals.overdueAt}, ${appeals.answeredAt}, ${appeals.closedAt})`.mapWith(
        appeals.filedAt,
      ),
      latitude: appeals.latitude,
      longitude: appeals.longitude,
      locationText: appeals.locationText,
      body: { nameKk: stateBodies.nameKk, nameRu: stateBodies.nameRu, nameEn: stateBodies.nameEn },
      subject: appeals.subject,
      subjectRedactions: appealPublications.subjectRedactions,
      text: appeals.text,
      redactions: appealPublications.redactions,
      isPublic: sql<boolean>`coalesce(${isPublic}, false)`,
    })
    .from(appeals)
    .innerJoin(stateBodies, sql`${stateBodies.id} = ${appeals.bodyId}`)
    .leftJoin(appealPublications, sql`${appealPublications.appealId} = ${appeals.id}`)
    .where(where)
    .orderBy(desc(appeals.filedAt), desc(appeals.number))
    .limit(limit);
}

type Row = Awaited<ReturnType<typeof selectRequests>>[number];

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

function toServiceRequest(row: Row, o: { locale: string; t: Translate }) {
  const status = row.status as AppealStatus;
  const open = isAwaitingAnswer(status);
  return {
    service_request_id: row.number,
    status: open ? "open" : "closed",
    status_notes: o.t(`appeal.status.${open && row.overdueAt ? "overdue" : status}`),
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
      ? inArray(appeals.number, f.numbers)
      : and(
          gte(appeals.filedAt, f.from),
          lte(appeals.filedAt, f.to),
          f.serviceCodes ? inArray(appeals.category, f.serviceCodes) : undefined,
          f.statuses?.length === 1 ? (f.statuses[0] === "open" ? sql`not ${ANSWERED}` : ANSWERED) : undefined,
        );
  const rows = await selectRequests(db, where, MAX_REQUESTS);
  return rows.map((row) => toServiceRequest(row, o));
}

/** GET requests/{id}: one appeal by its registration number, or null. */
export async function getServiceRequest(
  db: Db,
  o: { number: string; locale: string; t: Translate },
): Promise<ServiceRequest | null> {
  const [row] = await selectRequests(db, sql`${appeals.number} = ${o.number}`, 1);
  return row ? toServiceRequest(row, o) : null;
}
