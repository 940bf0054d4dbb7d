import { createHash, randomBytes } from "node:crypto";
import { desc, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type MODERATION_ACTIONS, moderationBindingSalts, moderationLog } from "@/db/schema";
import { canonicalize, type Json } from "./canonical-json";
import { leafHash } from "./merkle-tree";
import type { Statement } from "./statement-of-reasons";

export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
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
  await tx.execute(sql`select pg_advisory_xact_lock(${LOG_LOCK})`);
  const [last] = await tx
    .select({ seq: moderationLog.seq, entryHash: moderationLog.entryHash })
    .from(moderationLog)
    .orderBy(desc(moderationLog.seq))
    .limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const salt = randomBytes(16).toString("hex");
  const content: LogEntryContent = {
    seq,
    prev: last?.entryHash ?? GENESIS_HASH,
    time: o.now.toISOString(),
    appeal: o.appealNumber,
    action: o.action,
    statement: o.statement,
    moderator: o.moderator.pseudonym,
    contest: o.contest ?? null,
    binding: createHash("sha256")
      .update([salt, ...o.privateFacts].join("|"))
      .digest("hex"),
  };
  const canonical = canonicalize(content as unknown as Json);
  await tx.insert(moderationLog).values({
    seq,
    appealId: o.appealId,
    action: o.action,
    canonical,
    entryHash: createHash("sha256").update(canonical).digest("hex"),
    leafHash: leafHash(Buffer.from(canonical)).toString("hex"),
    moderatorId: o.moderator.id,
    createdAt: o.now,
  });
  await tx.insert(moderationBindingSalts).values({ seq, salt });
  return { seq, content };
}
