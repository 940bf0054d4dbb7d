import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { gradingRounds, stateBodies } from "@/db/schema";
import { DomainError } from "../errors";
import { bodyMetrics } from "../metrics/dashboard-queries";
import { appealToken } from "./draw-sample";
import { loadGradedItems } from "./load-graded-items";
import { roundResults } from "./round-results";
import type { ConfidenceLevel } from "./sample-size";

/** Closed rounds, newest first: the only rounds the public may read. */
export async function listPublishedRounds(db: Db) {
  return db
    .select({
      id: gradingRounds.id,
      title: gradingRounds.title,
      periodFrom: gradingRounds.periodFrom,
      periodTo: gradingRounds.periodTo,
      closedAt: gradingRounds.closedAt,
    })
    .from(gradingRounds)
    .where(eq(gradingRounds.status, "closed"))
    .orderBy(desc(gradingRounds.closedAt));
}

/**
 * A closed round as published: its definition, commitment and revealed seed, agreement per rubric
 * item, and per body the results with intervals beside the body's measured figures for the same period.
 * Graders appear as G1, G2… in the order they first graded; never by name or id.
 */
export async function getPublishedRound(db: Db, roundId: string) {
  const [round] = await db
    .select()
    .from(gradingRounds)
    .where(and(eq(gradingRounds.id, roundId), eq(gradingRounds.status, "closed")));
  if (!round?.strata) throw new DomainError("NOT_FOUND");
  const items = await loadGradedItems(db, round.id);
  const results = roundResults({
    rubric: round.rubric,
    strata: round.strata,
    items,
    confidence: String(round.confidence) as ConfidenceLevel,
  });
  const strata = round.strata;
  const bodies = strata.length
    ? await db
        .select({
          id: stateBodies.id,
          code: stateBodies.code,
          nameKk: stateBodies.nameKk,
          nameRu: stateBodies.nameRu,
          nameEn: stateBodies.nameEn,
        })
        .from(stateBodies)
        .where(
          inArray(
            stateBodies.id,
            strata.map((s) => s.bodyId),
          ),
        )
    : [];
  const period = { from: round.periodFrom, to: round.periodTo };
  const perBody = await Promise.all(
    results.perBody.map(async (r) => {
      const body = bodies.find((b) => b.id === r.bodyId);
      if (!body) throw new Error(`round ${round.id}: body ${r.bodyId} is gone`);
      const m = await bodyMetrics(db, r.bodyId, period);
      const { id: _id, ...names } = body;
      return {
        ...r,
        body: names,
        figures: {
          responseRate: m.responseRate,
          onTimeRate: m.onTimeRate,
          medianAnswerDays: m.answerDays.median,
          formalShare: m.formalShare,
        },
      };
    }),
  );
  const pseudonyms = new Map<string, string>();
  const codeOf = new Map(strata.map((s) => [s.bodyId, s.bodyCode]));
  const sample = items.map((i) => ({
    label: i.label,
    bodyCode: codeOf.get(i.bodyId) ?? "",
    token: appealToken(round.id, i.appealId),
    populationIndex: i.populationIndex,
    grades: i.grades.map((g) => {
      if (!pseudonyms.has(g.graderId)) pseudonyms.set(g.graderId, `G${pseudonyms.size + 1}`);
      return { grader: pseudonyms.get(g.graderId) as string, scores: g.scores };
    }),
  }));
  return {
    id: round.id,
    title: round.title,
    periodFrom: round.periodFrom,
    periodTo: round.periodTo,
    marginOfError: round.marginOfError,
    confidence: round.confidence,
    rubricVersion: round.rubricVersion,
    rubric: round.rubric,
    seed: round.seed,
    seedSha256: round.seedSha256,
    sampleSha256: round.sampleSha256,
    commitSeq: round.commitSeq,
    revealSeq: round.revealSeq,
    openedAt: round.openedAt,
    drawnAt: round.drawnAt,
    closedAt: round.closedAt,
    agreement: results.agreement,
    perBody,
    strata: strata.map((s) => ({ bodyCode: s.bodyCode, population: s.population, sampleSize: s.sampleSize })),
    sample,
  };
}

export type PublishedRound = Awaited<ReturnType<typeof getPublishedRound>>;
