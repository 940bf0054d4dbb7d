import { z } from "zod";
import { APPEAL_KIND_VALUES, APPEAL_STATUSES, answerDecision } from "@/db/schema";

/**
 * What tracking by number and printed code may return, field by field. Anyone who sees the receipt can
 * read this, so the applicant's name and contacts are not in it (track-appeal.ts); strict objects make a
 * field added there fail the call until it is listed here.
 */

const Names = z.strictObject({ nameKk: z.string(), nameRu: z.string(), nameEn: z.string() });
const BodyNames = Names.extend({ id: z.string() });

const TimelineEntry = z.strictObject({
  id: z.number().int(),
  type: z.string(),
  occurredAt: z.date(),
  actorRole: z.string(),
  body: BodyNames.nullable(),
  toBody: BodyNames.nullable(),
  dueAt: z.date().nullable(),
  previousDueAt: z.date().nullable(),
  reason: z.string().nullable(),
  question: z.string().nullable(),
  reply: z.string().nullable(),
  decision: z.string().nullable(),
  onTime: z.boolean().nullable(),
  rating: z.strictObject({ outcome: z.string(), quality: z.number(), heard: z.boolean() }).nullable(),
  relatedNumber: z.string().nullable(),
  relatedAppealId: z.string().nullable(),
  attachments: z.number().int(),
});

export const TrackOutput = z.strictObject({
  number: z.string(),
  kind: z.enum(APPEAL_KIND_VALUES),
  status: z.enum(APPEAL_STATUSES),
  locale: z.string(),
  body: Names.nullable(),
  filedAt: z.date(),
  registeredOn: z.string(),
  dueAt: z.date(),
  extendedAt: z.date().nullable(),
  answeredAt: z.date().nullable(),
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  paused: z.boolean(),
  answer: z
    .strictObject({
      decision: z.enum(answerDecision.enumValues),
      text: z.string(),
      legalGrounds: z.string(),
      appealRights: z.string(),
      answeredAt: z.date(),
    })
    .nullable(),
  timeline: z.array(TimelineEntry),
});
