import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealPublications, appeals, moderationContests, moderationLog } from "@/db/schema";
import { DomainError } from "../errors";

export const CONTESTABLE = ["published_redacted", "declined", "hidden"] as const;

// A contest's outcome is itself the review of a decision: contesting it again would never end.
export const CONTEST_OUTCOMES: readonly string[] = ["contest_upheld", "contest_reversed", "contest_amended"];

/**
 * The author contests the latest restriction on their appeal's publication, once per decision: a new
 * restriction after a reversal is a new decision and may be contested in its turn.
 */
export async function contestDecision(db: Db, o: { appealId: string; citizenId: string; reason: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        authorId: appeals.authorId,
        visibility: appealPublications.visibility,
        logSeq: appealPublications.logSeq,
      })
      .from(appealPublications)
      .innerJoin(appeals, eq(appeals.id, appealPublications.appealId))
      .where(eq(appealPublications.appealId, o.appealId))
      .for("update");
    if (!row || row.authorId !== o.citizenId) throw new DomainError("NOT_FOUND");
    if (!row.logSeq || !(CONTESTABLE as readonly string[]).includes(row.visibility)) {
      throw new DomainError("BAD_TRANSITION");
    }
    const [decision] = await tx
      .select({ action: moderationLog.action })
      .from(moderationLog)
      .where(eq(moderationLog.seq, row.logSeq));
    if (!decision || CONTEST_OUTCOMES.includes(decision.action)) throw new DomainError("ALREADY_CONTESTED");
    const [open] = await tx
      .select({ seq: moderationContests.contestedSeq })
      .from(moderationContests)
      .where(and(eq(moderationContests.appealId, o.appealId), eq(moderationContests.status, "open")));
    if (open) throw new DomainError("ALREADY_CONTESTED");
    const [contest] = await tx
      .insert(moderationContests)
      .values({ appealId: o.appealId, contestedSeq: row.logSeq, reason: o.reason })
      .onConflictDoNothing()
      .returning();
    if (!contest) throw new DomainError("ALREADY_CONTESTED");
    return contest;
  });
}
