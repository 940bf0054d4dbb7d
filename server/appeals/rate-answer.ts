import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealAnswers, appealRatings, type ratingOutcome } from "@/db/schema";
import { DomainError } from "../errors";
import { lockOwnAppealOrThrow } from "./appeal-access";
import { recordEvent } from "./lifecycle";

export type RatingOutcome = (typeof ratingOutcome.enumValues)[number];

/**
 * The applicant's rating of an answer: whether the matter was resolved, the quality of the answer (1–5)
 * and whether they felt heard. Given once, so that the public figures count each answer once.
 */
export async function rateAnswer(
  db: Db,
  o: { appealId: string; citizenId: string; outcome: RatingOutcome; quality: number; heard: boolean },
) {
  return db.transaction(async (tx) => {
    const appeal = await lockOwnAppealOrThrow(tx, o.appealId, o.citizenId);
    const [answer] = await tx
      .select({ appealId: appealAnswers.appealId })
      .from(appealAnswers)
      .where(eq(appealAnswers.appealId, appeal.id));
    if (!answer) throw new DomainError("BAD_TRANSITION");
    const [rating] = await tx
      .insert(appealRatings)
      .values({ appealId: appeal.id, outcome: o.outcome, quality: o.quality, heard: o.heard })
      .onConflictDoNothing()
      .returning();
    if (!rating) throw new DomainError("BAD_TRANSITION");
    await recordEvent(tx, {
      appealId: appeal.id,
      type: "rated",
      actor: { id: o.citizenId, role: "citizen" },
      bodyId: appeal.bodyId,
      data: { outcome: o.outcome, quality: o.quality, heard: o.heard },
    });
    return rating;
  });
}
