import { z } from "zod";
import {
  APPEAL_KIND_VALUES,
  APPEAL_STATUSES,
  answerDecision,
  appealCategory,
  MODERATION_ACTIONS,
  ratingOutcome,
} from "@/db/schema";
import { MODERATION_GROUNDS } from "../moderation/statement-of-reasons";
import { PUBLIC_SORTS } from "./list-public-appeals";

/**
 * What the public procedures may return, field by field. Strict objects: a field the domain starts
 * returning without being listed here fails the call instead of reaching the public (issue #6: a
 * citizen's name, contacts and address never leave except to them and the body handling the appeal).
 */

export const PublicBody = z.strictObject({
  id: z.string(),
  nameKk: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
});

const TextSegment = z.strictObject({ text: z.string() });
const Redacted = z.strictObject({ redacted: z.literal(true) });
/** A text a moderator reviewed: their redactions are markers, the redacted characters never leave. */
const Reviewed = z.array(z.union([TextSegment, Redacted]));

const summaryFields = {
  number: z.string(),
  kind: z.enum(APPEAL_KIND_VALUES),
  category: z.enum(appealCategory.enumValues),
  region: z.string().nullable(),
  status: z.enum(APPEAL_STATUSES),
  overdue: z.boolean(),
  subject: Reviewed,
  body: PublicBody,
  filedAt: z.date(),
  answeredAt: z.date().nullable(),
  supportCount: z.number().int(),
};

export const PublicAppealListOutput = z.strictObject({
  items: z.array(z.strictObject(summaryFields)),
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageCount: z.number().int(),
  sort: z.enum(PUBLIC_SORTS),
});

/** The answer's words with the applicant taken out (public-appeal-view.ts withoutApplicant). */
const NamelessText = z.array(z.union([TextSegment, Redacted, z.strictObject({ name: z.literal(true) })]));

const PublicAppeal = z.strictObject({
  ...summaryFields,
  segments: Reviewed,
  registeredOn: z.string(),
  dueAt: z.date(),
  answer: z
    .strictObject({
      decision: z.enum(answerDecision.enumValues),
      text: NamelessText,
      legalGrounds: NamelessText,
      appealRights: NamelessText,
      answeredAt: z.date(),
      onTime: z.boolean(),
    })
    .nullable(),
  answerAwaitingReview: z.boolean(),
  rating: z
    .strictObject({
      outcome: z.enum(ratingOutcome.enumValues),
      quality: z.number().int(),
      heard: z.boolean(),
    })
    .nullable(),
  moderation: z.array(
    z.strictObject({ seq: z.number().int(), action: z.enum(MODERATION_ACTIONS), time: z.date() }),
  ),
});

export const PublicAppealPageOutput = z.discriminatedUnion("hidden", [
  z.strictObject({
    hidden: z.literal(true),
    number: z.string(),
    hiddenOn: z.date(),
    ground: z.enum(MODERATION_GROUNDS).nullable(),
    logSeq: z.number().int(),
  }),
  z.strictObject({
    hidden: z.literal(false),
    appeal: PublicAppeal,
    viewer: z.strictObject({ own: z.boolean(), supported: z.boolean(), canSupport: z.boolean() }).nullable(),
  }),
]);

export const SupportOutput = z.strictObject({ supportCount: z.number().int(), supported: z.boolean() });
