import { createHash } from "node:crypto";
import { and, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  appealAnswers,
  appeals,
  gradingItems,
  gradingRounds,
  type StratumSnapshot,
  stateBodies,
} from "@/db/schema";
import { almatyStartOfDay } from "../deadlines/working-calendar";
import { DomainError } from "../errors";
import { addMonths, monthStart } from "../metrics/period";
import { appealToken, drawSample, sampleDigest } from "./draw-sample";
import { getRoundOrThrow } from "./get-round-or-throw";
import { type ConfidenceLevel, sampleSize } from "./sample-size";

/**
 * Draws the round's sample from its committed seed: per body in scope, the answered appeals filed in the
 * period (Kazakhstan months, as the dashboards count them), a sample sized for the stated margin of error,
 * drawn by `drawSample`. The populations are kept with the round, as tokens that stand for the appeals
 * without naming them, so anyone can re-draw once the seed is out.
 */
export async function drawGradingRound(db: Db, o: { roundId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const round = await getRoundOrThrow(tx, o.roundId, { lock: true });
    if (round.status !== "committed") throw new DomainError("BAD_TRANSITION");
    const where: SQL[] = [
      gte(appeals.filedAt, almatyStartOfDay(monthStart(round.periodFrom))),
      lt(appeals.filedAt, almatyStartOfDay(monthStart(addMonths(round.periodTo, 1)))),
    ];
    if (round.bodyIds.length) where.push(inArray(appeals.bodyId, round.bodyIds));
    const answered = await tx
      .select({ id: appeals.id, bodyId: appeals.bodyId, bodyCode: stateBodies.code })
      .from(appeals)
      .innerJoin(appealAnswers, eq(appealAnswers.appealId, appeals.id))
      .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
      .where(and(...where));
    const byBody = new Map<string, { bodyId: string; tokens: string[] }>();
    const appealOf = new Map<string, { id: string; bodyId: string }>();
    for (const a of answered) {
      const token = appealToken(round.id, a.id);
      const stratum = byBody.get(a.bodyCode) ?? { bodyId: a.bodyId, tokens: [] };
      stratum.tokens.push(token);
      byBody.set(a.bodyCode, stratum);
      appealOf.set(token, { id: a.id, bodyId: a.bodyId });
    }
    const confidence = String(round.confidence) as ConfidenceLevel;
    const strata = [...byBody.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, s]) => ({
        key,
        bodyId: s.bodyId,
        population: s.tokens.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        size: sampleSize(s.tokens.length, round.marginOfError, confidence),
      }));
    const drawn = drawSample(round.seed, strata);
    const chosen = drawn.flatMap((d) => d.chosen);
    if (chosen.length === 0) throw new DomainError("EMPTY_SAMPLE");
    // Items are numbered in an order the seed fixes but that mixes the bodies, so an item's number says
    // nothing about whose answer it is.
    const mixed = chosen
      .map((c) => ({ ...c, key: createHash("sha256").update(`${round.seed}:label:${c.id}`).digest("hex") }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    await tx.insert(gradingItems).values(
      mixed.map((c, i) => {
        const appeal = appealOf.get(c.id) as { id: string; bodyId: string };
        return {
          roundId: round.id,
          appealId: appeal.id,
          bodyId: appeal.bodyId,
          populationIndex: c.index,
          label: i + 1,
        };
      }),
    );
    const snapshot: StratumSnapshot[] = strata.map((s) => ({
      bodyId: s.bodyId,
      bodyCode: s.key,
      population: s.population,
      sampleSize: Math.min(s.size, s.population.length),
    }));
    await tx
      .update(gradingRounds)
      .set({ status: "grading", strata: snapshot, sampleSha256: sampleDigest(drawn), drawnAt: o.now })
      .where(eq(gradingRounds.id, round.id));
    return { items: mixed.length };
  });
}
