import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { gradingGrades, gradingItems, gradingRounds } from "@/db/schema";
import { DomainError } from "../errors";
import { nextItemFor } from "./get-grading-item";

/** Every round as an auditor lists them: no seed, no grades of others, only how far they themselves are. */
export async function listGradingRounds(db: Db, o: { graderId: string }) {
  return db
    .select({
      id: gradingRounds.id,
      title: gradingRounds.title,
      status: gradingRounds.status,
      periodFrom: gradingRounds.periodFrom,
      periodTo: gradingRounds.periodTo,
      openedAt: gradingRounds.openedAt,
      items: sql<number>`(select count(*)::int from ${gradingItems} where ${gradingItems.roundId} = ${gradingRounds.id})`,
      gradedByMe: sql<number>`(select count(*)::int from ${gradingGrades} join ${gradingItems} on ${gradingItems.id} = ${gradingGrades.itemId}
        where ${gradingItems.roundId} = ${gradingRounds.id} and ${gradingGrades.graderId} = ${o.graderId})`,
    })
    .from(gradingRounds)
    .orderBy(desc(gradingRounds.openedAt));
}

/**
 * One round as a grader sees it: its scope and commitment, its items by number with whether this grader
 * graded each and how many graders have (a count, never a score), and whether it may close.
 */
export async function getRoundForGrader(db: Db, o: { roundId: string; graderId: string }) {
  const [round] = await db
    .select({
      id: gradingRounds.id,
      title: gradingRounds.title,
      status: gradingRounds.status,
      periodFrom: gradingRounds.periodFrom,
      periodTo: gradingRounds.periodTo,
      marginOfError: gradingRounds.marginOfError,
      confidence: gradingRounds.confidence,
      rubricVersion: gradingRounds.rubricVersion,
      seedSha256: gradingRounds.seedSha256,
      commitSeq: gradingRounds.commitSeq,
      revealSeq: gradingRounds.revealSeq,
      openedAt: gradingRounds.openedAt,
      drawnAt: gradingRounds.drawnAt,
      closedAt: gradingRounds.closedAt,
    })
    .from(gradingRounds)
    .where(eq(gradingRounds.id, o.roundId));
  if (!round) throw new DomainError("NOT_FOUND");
  const items = await db
    .select({
      id: gradingItems.id,
      label: gradingItems.label,
      graders: sql<number>`count(${gradingGrades.graderId})::int`,
      gradedByMe: sql<boolean>`coalesce(bool_or(${gradingGrades.graderId} = ${o.graderId}), false)`,
    })
    .from(gradingItems)
    .leftJoin(gradingGrades, eq(gradingGrades.itemId, gradingItems.id))
    .where(eq(gradingItems.roundId, round.id))
    .groupBy(gradingItems.id)
    .orderBy(gradingItems.label);
  return {
    ...round,
    items,
    next: round.status === "grading" ? await nextItemFor(db, o) : null,
  };
}
