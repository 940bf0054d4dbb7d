import { z } from "zod";
import { closeGradingRound } from "../grading/close-round";
import { drawGradingRound } from "../grading/draw-round";
import { getGradingItem } from "../grading/get-grading-item";
import { getPublishedRound, listPublishedRounds } from "../grading/get-published-round";
import { gradeItem } from "../grading/grade-item";
import { getRoundForGrader, listGradingRounds } from "../grading/list-rounds";
import { openGradingRound } from "../grading/open-round";
import { PublishedRoundOutput, PublishedRoundsOutput } from "../grading/published-round-schema";
import { CONFIDENCE_LEVELS } from "../grading/sample-size";
import { auditorProcedure, publicProcedure, router } from "../trpc";
import { PeriodInput } from "./metrics";

const RoundId = z.strictObject({ roundId: z.uuid() });

// Auditors open, draw, grade and close rounds; the public reads closed rounds only (docs/grading.md).
export const gradingRouter = router({
  open: auditorProcedure
    .input(
      z.strictObject({
        title: z.string().trim().min(3).max(200),
        period: PeriodInput.unwrap(),
        bodyCodes: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
        marginOfError: z.number().min(0.01).max(0.5),
        confidence: z.enum(CONFIDENCE_LEVELS),
      }),
    )
    .mutation(({ ctx, input }) =>
      openGradingRound(ctx.db, { ...input, auditorId: ctx.user.id, now: new Date() }),
    ),
  draw: auditorProcedure
    .input(RoundId)
    .mutation(({ ctx, input }) => drawGradingRound(ctx.db, { roundId: input.roundId, now: new Date() })),
  close: auditorProcedure
    .input(RoundId)
    .mutation(({ ctx, input }) => closeGradingRound(ctx.db, { roundId: input.roundId, now: new Date() })),
  rounds: auditorProcedure.query(({ ctx }) => listGradingRounds(ctx.db, { graderId: ctx.user.id })),
  round: auditorProcedure
    .input(RoundId)
    .query(({ ctx, input }) => getRoundForGrader(ctx.db, { roundId: input.roundId, graderId: ctx.user.id })),
  item: auditorProcedure
    .input(z.strictObject({ itemId: z.uuid() }))
    .query(({ ctx, input }) => getGradingItem(ctx.db, { itemId: input.itemId, graderId: ctx.user.id })),
  grade: auditorProcedure
    .input(
      z.strictObject({
        itemId: z.uuid(),
        scores: z.record(z.string().max(60), z.number().int().min(0).max(100)),
      }),
    )
    .mutation(({ ctx, input }) => gradeItem(ctx.db, { ...input, graderId: ctx.user.id, now: new Date() })),
  publishedRounds: publicProcedure
    .output(PublishedRoundsOutput)
    .query(({ ctx }) => listPublishedRounds(ctx.db)),
  publishedRound: publicProcedure
    .input(z.strictObject({ roundId: z.uuid() }))
    .output(PublishedRoundOutput)
    .query(({ ctx, input }) => getPublishedRound(ctx.db, input.roundId)),
});
