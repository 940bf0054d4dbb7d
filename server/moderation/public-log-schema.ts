import { z } from "zod";
import { contestStatus, MODERATION_ACTIONS } from "@/db/schema";
import { GRADING_LOG_ACTIONS, type GradingLogContent, type LogEntryContent } from "./append-log-entry";
import type { Checkpoint } from "./checkpoint";
import { MODERATION_GROUNDS, REDACTED_PARTS, SOURCE_TYPES, type Statement } from "./statement-of-reasons";

/**
 * What the public moderation log procedures may return, field by field. Strict objects: a field the
 * domain starts returning without being listed here fails the call instead of reaching the public.
 * An entry's content is hashed as it stands, so its schema lists every field and changes none: the
 * `satisfies` checks fail to compile when the domain types gain a field this file does not know.
 */

const count = z.number().int();
const share = z.number().nullable();
const seq = z.number().int().min(1);
const sha256 = z.hash("sha256");
const BodyNames = { nameKk: z.string(), nameRu: z.string(), nameEn: z.string() };

// The DSA codes (decision_visibility, decision_ground, category) are mapped in statement-of-reasons.ts.
const StatementOutput = z.strictObject({
  decision_visibility: z.string(),
  decision_ground: z.string(),
  category: z.string(),
  tyndau_ground: z.enum(MODERATION_GROUNDS),
  decision_facts: z.string(),
  automated_detection: z.literal("No"),
  automated_decision: z.literal("AUTOMATED_DECISION_NOT_AUTOMATED"),
  source_type: z.enum(SOURCE_TYPES),
  source_identity: z.string().nullable(),
  application_date: z.iso.date(),
  puid: z.string(),
  // Added with the review of subjects and answers: optional, so entries signed before it still parse.
  tyndau_redacted_parts: z.array(z.enum(REDACTED_PARTS)).optional(),
}) satisfies z.ZodType<Statement>;

const LogEntryContentOutput = z.strictObject({
  seq,
  prev: sha256,
  time: z.iso.datetime(),
  appeal: z.string(),
  action: z.enum(MODERATION_ACTIONS).exclude(GRADING_LOG_ACTIONS),
  statement: StatementOutput.nullable(),
  moderator: z.string(),
  contest: z.strictObject({ of: seq, reason_given: z.boolean() }).nullable(),
  binding: sha256,
}) satisfies z.ZodType<LogEntryContent>;

const GradingLogContentOutput = z.strictObject({
  seq,
  prev: sha256,
  time: z.iso.datetime(),
  action: z.enum(GRADING_LOG_ACTIONS),
  round: z.uuid(),
  seed_sha256: sha256,
  seed: z.string().nullable(),
  sample_sha256: sha256.nullable(),
}) satisfies z.ZodType<GradingLogContent>;

export const LogEntriesOutput = z.strictObject({
  entries: z.array(
    z.strictObject({
      seq,
      at: z.date(),
      content: z.union([LogEntryContentOutput, GradingLogContentOutput]),
      appealIsPublic: z.boolean(),
      contest: z
        .strictObject({ status: z.enum(contestStatus.enumValues), decidedSeq: seq.nullable() })
        .nullable(),
    }),
  ),
  total: count,
  newerBefore: seq.nullable(),
});

export const LogFiguresOutput = z.strictObject({
  totalActions: count,
  perGround: z.array(z.strictObject({ ground: z.enum(MODERATION_GROUNDS).nullable(), actions: count })),
  perBody: z.array(z.strictObject({ bodyId: z.string(), ...BodyNames, actions: count, restrictions: count })),
  perModerator: z.array(
    z.strictObject({
      pseudonym: z.string(),
      actions: count,
      restrictions: count,
      reversedOnContest: count,
    }),
  ),
  requestedByState: z.array(
    z.strictObject({
      seq,
      appealNumber: z.string(),
      action: z.enum(MODERATION_ACTIONS).exclude(GRADING_LOG_ACTIONS),
      sourceType: z.enum(SOURCE_TYPES),
      sourceIdentity: z.string().nullable(),
      at: z.date(),
      body: z.strictObject(BodyNames),
    }),
  ),
  submissions: z.strictObject({ total: count, declinedOrHidden: count, share }),
  timeToModeration: z.strictObject({ moderated: count, medianSeconds: z.number().nullable() }),
  contests: z.strictObject({ open: count, decided: count, reversed: count, share }),
});

// Null until the first entry is signed.
export const CheckpointOutput = z
  .strictObject({
    treeSize: count,
    rootHash: sha256,
    signedAt: z.iso.datetime(),
    keyId: z.string(),
    signature: z.base64(),
  })
  .nullable() satisfies z.ZodType<Checkpoint | null>;
