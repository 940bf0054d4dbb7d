import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { gradingGrades, gradingItems } from "@/db/schema";
import type { GradedItem } from "./round-results";

/** Every item of a round with all its grades: for closing and for the published results only. */
export async function loadGradedItems(db: Db, roundId: string) {
  const rows = await db
    .select({
      id: gradingItems.id,
      label: gradingItems.label,
      appealId: gradingItems.appealId,
      bodyId: gradingItems.bodyId,
      populationIndex: gradingItems.populationIndex,
      graderId: gradingGrades.graderId,
      scores: gradingGrades.scores,
      gradedAt: gradingGrades.gradedAt,
    })
    .from(gradingItems)
    .leftJoin(gradingGrades, eq(gradingGrades.itemId, gradingItems.id))
    .where(eq(gradingItems.roundId, roundId))
    .orderBy(asc(gradingItems.label), asc(gradingGrades.gradedAt));
  const items = new Map<string, GradedItem & { label: number; appealId: string; populationIndex: number }>();
  for (const r of rows) {
    const item = items.get(r.id) ?? {
      id: r.id,
      label: r.label,
      appealId: r.appealId,
      bodyId: r.bodyId,
      populationIndex: r.populationIndex,
      grades: [],
    };
    if (r.graderId && r.scores) item.grades.push({ graderId: r.graderId, scores: r.scores });
    items.set(r.id, item);
  }
  return [...items.values()];
}
