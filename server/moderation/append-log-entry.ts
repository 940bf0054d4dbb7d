import { createHash, randomBytes } from "node:crypto";
import { desc, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type MODERATION_ACTIONS, moderationBindingSalts, moderationLog } from "@/db/schema";
import { canonicalize, type Json } from "./canonical-json";
import { leafHash } from "./merkle-tree";
import type { Statement } from "./statement-of-reasons";

export const GRADING_LOG_ACTIONS = ["grading_seed_committed", "grading_seed_revealed"] as const;
export type GradingLogAction = (typeof GRADING_LOG_ACTIONS)[number];
/** What a moderator does to an appeal; the log's other entries belong to grading rounds. */
export type ModerationAction = Exclude<(typeof MODERATION_ACTIONS)[number], GradingLogAction>;
export const GENESIS_HASH = "0".repeat(64);
// One advisory lock for all appends: entries are numbered without gaps and chained in order.
const LOG_LOCK = 0x7479_6e64;

export type LogEntryContent = {
  seq: number;
  prev: string;
  time: string;
  appeal: string;
  action: ModerationAction;
  statement: Statement | null;
  moderator: string;
  contest: { of: number; reason_given: boolean } | null;
  binding: string;
};

/**
 * Appends one entry in the caller's transaction. The public content holds no personal data: the
 * moderator appears by pseudonym, and the private facts (moderator and author ids) only as a salted
 * hash whose salt is kept apart, so erasing personal data later never breaks verification.
 */
export async function appendLogEntry(
  tx: Db,
  o: {
    appealId: string;
    appealNumber: string;
    action: ModerationAction;
    statement: Statement | null;
    moderator: { id: string; pseudonym: string };
    contest?: LogEntryContent["contest"];
    privateFacts: string[];
    now: Date;
  },
) {
  const salt = randomBytes(16).toString("hex");
  const { seq, content } = await appendChained(
    tx,
    { appealId: o.appealId, action: o.action, moderatorId: o.moderator.id, now: o.now },
    (seq, prev): LogEntryContent => ({
      seq,
      prev,
      time: o.now.toISOString(),
      appeal: o.appealNumber,
      action: o.action,
      statement: o.statement,
      moderator: o.moderator.pseudonym,
      contest: o.contest ?? null,
      binding: createHash("sha256")
        .update([salt, ...o.privateFacts].join("|"))
        .digest("hex"),
    }),
  );
  await tx.insert(moderationBindingSalts).values({ seq, salt });
  return { seq, content };
}

/**
 * A grading round's entry (docs/grading.md): the seed's hash before the sample is drawn, then the seed
 * and the hash of the sample it drew. Nothing in it names a person or an appeal.
 */
export type GradingLogContent = {
  seq: number;
  prev: string;
  time: string;
  action: GradingLogAction;
  round: string;
  seed_sha256: string;
  seed: string | null;
  sample_sha256: string | null;
};

/** What any entry of the public log may hold. */
export type PublicLogContent = LogEntryContent | GradingLogContent;

export const isGradingContent = (c: PublicLogContent): c is GradingLogContent =>
  (GRADING_LOG_ACTIONS as readonly string[]).includes(c.action);

export async function appendGradingLogEntry(
  tx: Db,
  o: {
    action: GradingLogAction;
    roundId: string;
    seedSha256: string;
    seed: string | null;
    sampleSha256: string | null;
    now: Date;
  },
) {
  return appendChained(
    tx,
    { appealId: null, action: o.action, moderatorId: null, now: o.now },
    (seq, prev): GradingLogContent => ({
      seq,
      prev,
      time: o.now.toISOString(),
      action: o.action,
      round: o.roundId,
      seed_sha256: o.seedSha256,
      seed: o.seed,
      sample_sha256: o.sampleSha256,
    }),
  );
}

// Numbers, chains and hashes one entry whatever its content; the content is hashed exactly as stored.
async function appendChained<C extends { seq: number; prev: string }>(
  tx: Db,
  row: {
    appealId: string | null;
    action: (typeof MODERATION_ACTIONS)[number];
    moderatorId: string | null;
    now: Date;
  },
  contentOf: (seq: number, prev: string) => C,
) {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOG_LOCK})`);
  const [last] = await tx
    .select({ seq: moderationLog.seq, entryHash: moderationLog.entryHash })
    .from(moderationLog)
    .orderBy(desc(moderationLog.seq))
    .limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const content = contentOf(seq, last?.entryHash ?? GENESIS_HASH);
  const canonical = canonicalize(content as unknown as Json);
  await tx.insert(moderationLog).values({
    seq,
    appealId: row.appealId,
    action: row.action,
    canonical,
    entryHash: createHash("sha256").update(canonical).digest("hex"),
    leafHash: leafHash(Buffer.from(canonical)).toString("hex"),
    moderatorId: row.moderatorId,
    createdAt: row.now,
  });
  return { seq, content };
}
