import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { gradingGrades, gradingItems, gradingRounds } from "@/db/schema";
import { DomainError } from "../errors";
import { checkScores } from "./rubric";

/**
 * One grader's scores of one sampled answer, given once: the primary key (item, grader) refuses a second
 * grading, and nothing lets a grader change or read back anyone's grades but their own.
 */
export async function gradeItem(
  db: Db,
  o: { itemId: string; graderId: string; scores: Record<string, number>; now: Date },
) {
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select({ id: gradingItems.id, status: gradingRounds.status, rubric: gradingRounds.rubric })
      .from(gradingItems)
      .innerJoin(gradingRounds, eq(gradingRounds.id, gradingItems.roundId))
      .where(eq(gradingItems.id, o.itemId))
      .for("share", { of: gradingRounds });
    if (!item) throw new DomainError("NOT_FOUND");
    if (item.status !== "grading") throw new DomainError("BAD_TRANSITION");
    const scores = checkScores(item.rubric, o.scores);
    const inserted = await tx
      .insert(gradingGrades)
      .values({ itemId: item.id, graderId: o.graderId, scores, gradedAt: o.now })
      .onConflictDoNothing()
      .returning({ itemId: gradingGrades.itemId });
    if (inserted.length === 0) throw new DomainError("ALREADY_GRADED");
    return { itemId: item.id };
  });
}
