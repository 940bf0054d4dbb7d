import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealEvents, appeals, stateBodies } from "@/db/schema";

export type BodyNames = { id: string; nameKk: string; nameRu: string; nameEn: string };

export type TimelineRating = { outcome: string; quality: number; heard: boolean };

/**
 * One event of an appeal as the public may read it: who acted is a role and a body, never a person's
 * name, so an official's identity stays with the body that answers for them.
 */
export type TimelineEntry = {
  id: number;
  type: string;
  occurredAt: Date;
  actorRole: string;
  body: BodyNames | null;
  /** Where the appeal went: the body of a forward, or the superior body of a complaint. */
  toBody: BodyNames | null;
  /** The deadline this event set (registration, forward, extension, resumed clock) or missed. */
  dueAt: Date | null;
  previousDueAt: Date | null;
  /** The body's written reason for a forward or an extension, or a code the UI translates. */
  reason: string | null;
  question: string | null;
  reply: string | null;
  decision: string | null;
  onTime: boolean | null;
  rating: TimelineRating | null;
  /** The number of the appeal an event links to: a complaint filed, or the appeal complained about. */
  relatedNumber: string | null;
  relatedAppealId: string | null;
  attachments: number;
};

const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : null);
const date = (v: unknown) => {
  if (typeof v !== "string" && !(v instanceof Date)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (v: unknown) => (typeof v === "string" && UUID.test(v) ? v : null);

// Event data as each action writes it. An extension records its deadlines as `from`/`to`; a forward
// uses the same names for bodies, and a complaint names the superior body and the complaint it filed.
const relatedBodyId = (type: string, d: Record<string, unknown>) =>
  type === "forwarded" || type === "complaint_passed_up"
    ? uuid(d.to)
    : type === "complaint_filed"
      ? uuid(d.toBodyId)
      : null;
const relatedAppealId = (type: string, d: Record<string, unknown>) =>
  type === "complaint_filed" ? uuid(d.complaintId) : type === "registered" ? uuid(d.complaintOf) : null;
const newDueAt = (type: string, d: Record<string, unknown>) =>
  type === "deadline_extended" ? date(d.to) : date(d.dueAt);
const oldDueAt = (type: string, d: Record<string, unknown>) =>
  type === "deadline_extended" ? date(d.from) : date(d.previousDueAt);

/**
 * The history of one appeal, oldest first, in plain terms. Reads without checking who asks: every caller
 * has already established that the viewer may read this appeal (getReadableAppealOrThrow or an access code).
 */
export async function getTimeline(db: Db, appealId: string): Promise<TimelineEntry[]> {
  const events = await db
    .select()
    .from(appealEvents)
    .where(eq(appealEvents.appealId, appealId))
    .orderBy(asc(appealEvents.id));

  const bodyIds = new Set<string>();
  const relatedIds = new Set<string>();
  for (const e of events) {
    if (e.bodyId) bodyIds.add(e.bodyId);
    const to = relatedBodyId(e.type, e.data);
    if (to) bodyIds.add(to);
    const related = relatedAppealId(e.type, e.data);
    if (related) relatedIds.add(related);
  }
  const bodies = new Map(
    bodyIds.size === 0
      ? []
      : (
          await db
            .select({
              id: stateBodies.id,
              nameKk: stateBodies.nameKk,
              nameRu: stateBodies.nameRu,
              nameEn: stateBodies.nameEn,
            })
            .from(stateBodies)
            .where(inArray(stateBodies.id, [...bodyIds]))
        ).map((b) => [b.id, b]),
  );
  const bodyOf = (id: string | null) => (id ? (bodies.get(id) ?? null) : null);
  const numbers = new Map(
    relatedIds.size === 0
      ? []
      : (
          await db
            .select({ id: appeals.id, number: appeals.number })
            .from(appeals)
            .where(inArray(appeals.id, [...relatedIds]))
        ).map((a) => [a.id, a.number]),
  );

  return events.map((e) => {
    const d = e.data;
    const rating =
      e.type === "rated" && typeof d.quality === "number"
        ? { outcome: String(d.outcome), quality: d.quality, heard: d.heard === true }
        : null;
    return {
      id: e.id,
      type: e.type,
      occurredAt: e.occurredAt,
      actorRole: e.actorRole ?? "system",
      body: bodyOf(e.bodyId),
      toBody: bodyOf(relatedBodyId(e.type, d)),
      dueAt: newDueAt(e.type, d),
      previousDueAt: oldDueAt(e.type, d),
      reason: text(d.reason),
      question: text(d.question),
      reply: text(d.reply),
      decision: text(d.decision),
      onTime: typeof d.onTime === "boolean" ? d.onTime : null,
      rating,
      relatedNumber: numbers.get(relatedAppealId(e.type, d) ?? "") ?? null,
      relatedAppealId: relatedAppealId(e.type, d),
      attachments: typeof d.attachments === "number" ? d.attachments : 0,
    };
  });
}
