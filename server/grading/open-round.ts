import { createHash, randomBytes, randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { gradingRounds, stateBodies } from "@/db/schema";
import { DomainError } from "../errors";
import type { Period } from "../metrics/period";
import { appendGradingLogEntry } from "../moderation/append-log-entry";
import { RUBRIC } from "./rubric";
import type { ConfidenceLevel } from "./sample-size";

export type OpenRoundOptions = {
  title: string;
  period: Period;
  bodyCodes: readonly string[];
  marginOfError: number;
  confidence: ConfidenceLevel;
  auditorId: string;
  now: Date;
};

/**
 * Opens a round and commits to its seed: the seed is made here and kept secret, and its SHA-256 goes to
 * the public log in the same transaction, before any sample exists (docs/grading.md). The draw is a later,
 * separate step, so the commitment is public before the sample can be known.
 */
export async function openGradingRound(db: Db, o: OpenRoundOptions) {
  const codes = [...new Set(o.bodyCodes)];
  const bodies = codes.length
    ? await db.select({ id: stateBodies.id }).from(stateBodies).where(inArray(stateBodies.code, codes))
    : [];
  if (bodies.length !== codes.length) throw new DomainError("UNKNOWN_BODY");
  const seed = randomBytes(32).toString("hex");
  const seedSha256 = createHash("sha256").update(seed).digest("hex");
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const { seq } = await appendGradingLogEntry(tx, {
      action: "grading_seed_committed",
      roundId: id,
      seedSha256,
      seed: null,
      sampleSha256: null,
      now: o.now,
    });
    await tx.insert(gradingRounds).values({
      id,
      title: o.title,
      periodFrom: o.period.from,
      periodTo: o.period.to,
      bodyIds: bodies.map((b) => b.id),
      marginOfError: o.marginOfError,
      confidence: Number(o.confidence),
      rubricVersion: RUBRIC.version,
      rubric: RUBRIC.items,
      seed,
      seedSha256,
      commitSeq: seq,
      openedById: o.auditorId,
      openedAt: o.now,
    });
    return { id, seedSha256, commitSeq: seq };
  });
}
