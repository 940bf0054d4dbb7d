import { createHash } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { gradingItems, moderationLog, stateBodies } from "@/db/schema";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { cohenKappa } from "@/server/grading/agreement";
import { drawSample, sampleDigest } from "@/server/grading/draw-sample";
import { sampleSize } from "@/server/grading/sample-size";
import { refreshMetrics } from "@/server/metrics/refresh-metrics";
import type { GradingLogContent } from "@/server/moderation/append-log-entry";
import { signCheckpoint } from "@/server/moderation/checkpoint";
import { loadSigningKey } from "@/server/moderation/log-signing-key";
import { verifyLog } from "@/server/moderation/verify-log";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { DomainError } from "../errors";
import { fieldErrorsOf } from "../validation";

const APPLICANT = "Gulnara Testbayeva";
const PHONE = "+7 701 555 0199";

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (!(error instanceof TRPCError)) return `THREW ${String(error)}`;
    return error.cause instanceof DomainError ? `${error.code}/${error.cause.code}` : error.code;
  }
}

async function fieldErrors(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).cause).toBeInstanceOf(ZodError);
  return Object.keys(fieldErrorsOf((error as TRPCError).cause as ZodError)).sort();
}

describe("blind-sample grading rounds", () => {
  const db = useTestDatabase();

  /** Answered appeals in November 2026: `n` at each of two bodies, answers naming the body and the applicant. */
  async function answered(n: number) {
    const bodies = await db()
      .select()
      .from(stateBodies)
      .where(eq(stateBodies.code, "akimat-astana"))
      .union(db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-almaty-city")));
    for (const body of bodies) {
      const { acting } = await officialOf(db(), body.code);
      for (let i = 0; i < n; i++) {
        const author = await createActor(db(), "citizen", { fullName: APPLICANT });
        const appeal = await fileTestAppeal(db(), {
          bodyCode: body.code,
          authorId: author.id,
          filedAt: almaty(`2026-11-${String(2 + i).padStart(2, "0")}T10:00:00`),
        });
        await answerAppeal(db(), {
          appealId: appeal.id,
          decision: "explained",
          text: `Dear ${APPLICANT}, ${body.nameEn} replies: the pipe is repaired by 1 December. Call ${PHONE}.`,
          legalGrounds: `Order of ${body.nameRu}, para. 4.`,
          appealRights: "You may complain to the superior body or to court under the APPC.",
          official: acting,
          now: almaty(`2026-11-${String(3 + i).padStart(2, "0")}T10:00:00`),
        });
      }
    }
    return bodies;
  }

  const roundInput = {
    title: "November answers",
    period: { from: "2026-11", to: "2026-11" },
    bodyCodes: ["akimat-astana", "akimat-almaty-city"],
    marginOfError: 0.3,
    confidence: "0.9" as const,
  };
  const scores = (v: number, lang = 1) => ({
    answers_question: v,
    names_legal_ground: v,
    says_what_and_when: 2 - v,
    in_appeal_language: lang,
    respectful: 2,
  });

  it("commits to the seed before drawing, grades blind, closes with agreement, and anyone re-draws the sample", async () => {
    const bodies = await answered(4);
    const [a, b] = [await createActor(db(), "auditor"), await createActor(db(), "auditor")];
    const graderA = callerFor(db(), a);
    const graderB = callerFor(db(), b);

    const opened = await graderA.grading.open(roundInput);
    const [commit] = await db().select().from(moderationLog).where(eq(moderationLog.seq, opened.commitSeq));
    const committed = JSON.parse(commit?.canonical ?? "{}") as GradingLogContent;
    expect(committed).toMatchObject({ action: "grading_seed_committed", round: opened.id, seed: null });
    expect(committed.seed_sha256).toBe(opened.seedSha256);
    // Nothing is drawn while only the commitment is out.
    expect(await db().select().from(gradingItems).where(eq(gradingItems.roundId, opened.id))).toEqual([]);
    expect(await outcome(graderA.grading.close({ roundId: opened.id }))).toBe("CONFLICT/BAD_TRANSITION");

    await graderA.grading.draw({ roundId: opened.id });
    expect(await outcome(graderA.grading.draw({ roundId: opened.id }))).toBe("CONFLICT/BAD_TRANSITION");
    const round = await graderA.grading.round({ roundId: opened.id });
    expect(JSON.stringify(round)).not.toMatch(/"seed"/);
    const perBody = sampleSize(4, 0.3, "0.9");
    expect(round.items).toHaveLength(perBody * 2);

    // The grader reads neither the body nor the applicant.
    const first = round.items[0]?.id ?? "";
    const view = await graderA.grading.item({ itemId: first });
    const seen = JSON.stringify(view);
    for (const hidden of [
      APPLICANT,
      "Testbayeva",
      "701 555 0199",
      ...bodies.flatMap((x) => [x.nameEn, x.nameRu, x.nameKk, x.code]),
    ])
      expect(seen).not.toContain(hidden);
    expect(view.answer.text).toContain("the pipe is repaired by 1 December");

    // Grader A grades everything; B sees counts, never A's scores.
    const aScores = round.items.map((_, i) => scores(i % 3 === 0 ? 2 : 1));
    for (const [i, item] of round.items.entries())
      await graderA.grading.grade({ itemId: item.id, scores: aScores[i] ?? {} });
    expect(await outcome(graderA.grading.grade({ itemId: first, scores: scores(0) }))).toBe(
      "CONFLICT/ALREADY_GRADED",
    );
    const asB = await graderB.grading.item({ itemId: first });
    expect(asB.myScores).toBeNull();
    const roundAsB = await graderB.grading.round({ roundId: opened.id });
    expect(roundAsB.items.every((i) => i.graders === 1 && !i.gradedByMe)).toBe(true);
    expect(JSON.stringify(roundAsB)).not.toContain("answers_question");
    expect(await outcome(graderA.grading.close({ roundId: opened.id }))).toBe("CONFLICT/NOT_ENOUGH_GRADES");
    // Not public before it closes.
    expect(await outcome(callerFor(db(), null).grading.publishedRound({ roundId: opened.id }))).toBe(
      "NOT_FOUND/NOT_FOUND",
    );

    const bScores = round.items.map((_, i) => scores(i % 2 === 0 ? 2 : 1, i === 0 ? 0 : 1));
    for (const [i, item] of round.items.entries())
      await graderB.grading.grade({ itemId: item.id, scores: bScores[i] ?? {} });
    const closed = await graderB.grading.close({ roundId: opened.id });
    expect(await outcome(graderB.grading.grade({ itemId: first, scores: scores(1) }))).toBe(
      "CONFLICT/BAD_TRANSITION",
    );

    // The figures beside the results: their refresh reads the log, grading entries included.
    await refreshMetrics(db(), almaty("2026-12-01T10:00:00"));
    const published = await callerFor(db(), null).grading.publishedRound({ roundId: opened.id });
    // The seed published is the one committed to.
    expect(createHash("sha256").update(published.seed).digest("hex")).toBe(committed.seed_sha256);
    const [reveal] = await db().select().from(moderationLog).where(eq(moderationLog.seq, closed.revealSeq));
    expect(JSON.parse(reveal?.canonical ?? "{}")).toMatchObject({
      action: "grading_seed_revealed",
      seed: published.seed,
      sample_sha256: published.sampleSha256,
    });

    // Anyone re-draws from the published seed and populations and finds the same sample.
    const redrawn = drawSample(
      published.seed,
      published.strata.map((s) => ({ key: s.bodyCode, population: s.population, size: s.sampleSize })),
    );
    expect(sampleDigest(redrawn)).toBe(published.sampleSha256);
    expect(redrawn.flatMap((s) => s.chosen.map((c) => `${s.key}:${c.index}:${c.id}`)).sort()).toEqual(
      published.sample.map((i) => `${i.bodyCode}:${i.populationIndex}:${i.token}`).sort(),
    );

    // Agreement: two graders, quadratic-weighted kappa per item, as computed from the grades directly.
    const pairsOf = (key: keyof ReturnType<typeof scores>) =>
      published.sample.map((i) => [i.grades[0]?.scores[key], i.grades[1]?.scores[key]] as [number, number]);
    const answersQuestion = published.agreement.find((x) => x.key === "answers_question");
    expect(answersQuestion).toMatchObject({ method: "cohen_kappa_quadratic", graders: 2 });
    expect(answersQuestion?.value).toBeCloseTo(
      cohenKappa(pairsOf("answers_question"), [0, 1, 2], "quadratic") ?? NaN,
      10,
    );
    expect(published.agreement.find((x) => x.key === "respectful")?.value).toBeNull();
    expect(published.agreement.find((x) => x.key === "in_appeal_language")?.disagreements).toBe(1);
    for (const body of published.perBody) {
      expect(body.sampled).toBe(perBody);
      expect(body.figures.responseRate).toBe(1);
      for (const item of body.items) {
        expect(item.graded).toBe(perBody);
        expect(item.lower).toBeLessThanOrEqual(item.share ?? -1);
        expect(item.upper).toBeGreaterThanOrEqual(item.share ?? 2);
      }
    }
    expect(JSON.stringify(published)).not.toContain(a.id);
    expect(published.sample[0]?.grades.map((g) => g.grader)).toEqual(["G1", "G2"]);

    // The log with both entries still verifies.
    const entries = await db()
      .select({
        seq: moderationLog.seq,
        canonical: moderationLog.canonical,
        entryHash: moderationLog.entryHash,
      })
      .from(moderationLog)
      .orderBy(asc(moderationLog.seq));
    const key = loadSigningKey();
    const checkpoint = await signCheckpoint(db(), key);
    expect(verifyLog({ entries, checkpoint, publicKeyPem: key.publicKeyPem })).toEqual({
      ok: true,
      treeSize: entries.length,
    });
    expect((await callerFor(db(), null).grading.publishedRounds()).map((r) => r.id)).toEqual([opened.id]);
  });

  it("is for auditors only; the public reads closed rounds only", async () => {
    await answered(1);
    const auditor = callerFor(db(), await createActor(db(), "auditor"));
    const { id } = await auditor.grading.open(roundInput);
    for (const role of ["citizen", "official", "moderator", "operator", "admin"] as const) {
      const { acting } = role === "official" ? await officialOf(db(), "akimat-astana") : { acting: null };
      const user = await createActor(db(), role, acting ? { bodyId: acting.bodyId } : {});
      const other = callerFor(db(), user);
      expect(await outcome(other.grading.open(roundInput)), role).toBe("FORBIDDEN");
      expect(await outcome(other.grading.draw({ roundId: id })), role).toBe("FORBIDDEN");
      expect(await outcome(other.grading.round({ roundId: id })), role).toBe("FORBIDDEN");
    }
    expect(await outcome(callerFor(db(), null).grading.rounds())).toBe("UNAUTHORIZED");
    expect(await outcome(callerFor(db(), null).grading.publishedRound({ roundId: id }))).toBe(
      "NOT_FOUND/NOT_FOUND",
    );
    expect((await callerFor(db(), null).grading.publishedRounds()).map((r) => r.id)).not.toContain(id);
  });

  it("refuses bad input with field errors or a coded refusal, never a 500", async () => {
    const auditor = callerFor(db(), await createActor(db(), "auditor"));
    expect(
      await fieldErrors(
        auditor.grading.open({
          title: "",
          period: { from: "2026-13", to: "2026-11" },
          bodyCodes: [],
          marginOfError: 0,
          confidence: "0.8" as "0.9",
        }),
      ),
    ).toEqual(["confidence", "marginOfError", "period.from", "period.to", "title"]);
    expect(
      await fieldErrors(auditor.grading.open({ ...roundInput, period: { from: "2026-12", to: "2026-11" } })),
    ).toEqual(["period.to"]);
    expect(await outcome(auditor.grading.open({ ...roundInput, bodyCodes: ["no-such-body"] }))).toBe(
      "BAD_REQUEST/UNKNOWN_BODY",
    );
    expect(await outcome(auditor.grading.round({ roundId: "not-a-uuid" }))).toBe("BAD_REQUEST");
    // Nothing answered in the period: nothing to draw, and the round stays committed.
    const empty = await auditor.grading.open({ ...roundInput, period: { from: "2020-01", to: "2020-01" } });
    expect(await outcome(auditor.grading.draw({ roundId: empty.id }))).toBe("CONFLICT/EMPTY_SAMPLE");
    expect((await auditor.grading.round({ roundId: empty.id })).status).toBe("committed");

    await answered(1);
    const { id } = await auditor.grading.open(roundInput);
    await auditor.grading.draw({ roundId: id });
    const [item] = (await auditor.grading.round({ roundId: id })).items;
    const itemId = item?.id ?? "";
    const { respectful: _, ...missing } = scores(1);
    expect(await outcome(auditor.grading.grade({ itemId, scores: missing }))).toBe("BAD_REQUEST/BAD_GRADE");
    expect(
      await outcome(auditor.grading.grade({ itemId, scores: { ...scores(1), in_appeal_language: 2 } })),
    ).toBe("BAD_REQUEST/BAD_GRADE");
    expect(await outcome(auditor.grading.grade({ itemId, scores: { ...scores(1), extra: 1 } }))).toBe(
      "BAD_REQUEST/BAD_GRADE",
    );
    expect(
      await fieldErrors(auditor.grading.grade({ itemId, scores: { ...scores(1), respectful: -1 } })),
    ).toEqual(["scores.respectful"]);
    // Refusals graded nothing.
    expect((await auditor.grading.item({ itemId })).myScores).toBeNull();
  });
});
