import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealPublications, appeals, moderationContests } from "@/db/schema";
import { DomainError } from "../errors";

export const CONTESTABLE = ["published_redacted", "declined", "hidden"] as const;

/** The author contests the latest restriction on their appeal's publication, once. */
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
    const [contest] = await tx
      .insert(moderationContests)
      .values({ appealId: o.appealId, contestedSeq: row.logSeq, reason: o.reason })
      .onConflictDoNothing()
      .returning();
    if (!contest) throw new DomainError("ALREADY_CONTESTED");
    return contest;
  });
}
