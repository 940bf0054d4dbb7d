import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { gradingRounds } from "@/db/schema";
import { DomainError } from "../errors";
import { appendGradingLogEntry } from "../moderation/append-log-entry";
import { getRoundOrThrow } from "./get-round-or-throw";
import { loadGradedItems } from "./load-graded-items";

// Agreement needs two independent grades of every sampled answer.
export const MIN_GRADERS = 2;

/**
 * Closes a round once every sampled answer has at least two grades, and reveals its seed in the public
 * log with the hash of the sample it drew: from then on the results are public and anyone can re-draw.
 */
export async function closeGradingRound(db: Db, o: { roundId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const round = await getRoundOrThrow(tx, o.roundId, { lock: true });
    if (round.status !== "grading" || !round.sampleSha256) throw new DomainError("BAD_TRANSITION");
    const items = await loadGradedItems(tx, round.id);
    if (items.some((i) => i.grades.length < MIN_GRADERS)) throw new DomainError("NOT_ENOUGH_GRADES");
    const { seq } = await appendGradingLogEntry(tx, {
      action: "grading_seed_revealed",
      roundId: round.id,
      seedSha256: round.seedSha256,
      seed: round.seed,
      sampleSha256: round.sampleSha256,
      now: o.now,
    });
    await tx
      .update(gradingRounds)
      .set({ status: "closed", revealSeq: seq, closedAt: o.now })
      .where(eq(gradingRounds.id, round.id));
    return { revealSeq: seq };
  });
}
