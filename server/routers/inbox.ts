import { z } from "zod";
import { answerDecision, appealStatus } from "@/db/schema";
import { ANSWER_LIMITS, answerAppeal } from "../appeals/answer-appeal";
import { GROUND_CODES } from "../appeals/answer-outcomes";
import { assignAppeal, listExecutors } from "../appeals/assign-appeal";
import { checkAnswerDraft } from "../appeals/check-answer-draft";
import { closeAppeal } from "../appeals/close-appeal";
import { extendAppealDeadline } from "../appeals/extend-deadline";
import { forwardAppeal } from "../appeals/forward-appeal";
import { getAppealForOfficial } from "../appeals/get-appeal-for-official";
import { INBOX_PAGE_SIZE, INBOX_TABS, listInbox } from "../appeals/list-inbox";
import { passComplaintUp } from "../appeals/pass-complaint-up";
import { requestClarification } from "../appeals/request-clarification";
import { formInput, Uploads } from "../appeals/upload-input";
import { listStateBodies } from "../directory/list-state-bodies";
import { officialProcedure, router } from "../trpc";

const AppealId = z.strictObject({ appealId: z.uuid() });
const Text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const InboxInput = z.strictObject({
  tab: z.enum(INBOX_TABS).default("new"),
  bodyId: z.uuid().optional(),
  withSubordinates: z.boolean().optional(),
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\|[0-9a-f-]{36}$/)
    .nullish(),
  limit: z.number().int().min(1).max(INBOX_PAGE_SIZE.max).optional(),
  number: z.string().trim().min(1).max(20).optional(),
});

export const ForwardInput = AppealId.extend({ toBodyId: z.uuid(), reason: Text(10, 2000) });
export const ClarificationInput = AppealId.extend({ question: Text(10, 4000) });
export const ExtendInput = AppealId.extend({
  newDueOn: z.iso.date(),
  reason: Text(20, 4000),
  // Name and position of the head or deputy head who signed the decision (APPC Art. 76).
  decidedBy: Text(5, 300),
});

// The answer may carry files, so it arrives as a multipart form.
export const AnswerInput = formInput(
  z.strictObject({
    appealId: z.uuid(),
    decision: z.enum(answerDecision.enumValues),
    // A form sends "" when no ground is chosen; only "left_without_consideration" needs one.
    withoutConsiderationGround: z
      .union([z.enum(GROUND_CODES), z.literal("").transform(() => null)])
      .nullish(),
    text: Text(ANSWER_LIMITS.text.min, ANSWER_LIMITS.text.max),
    legalGrounds: Text(ANSWER_LIMITS.legalGrounds.min, ANSWER_LIMITS.legalGrounds.max),
    appealRights: Text(ANSWER_LIMITS.appealRights.min, ANSWER_LIMITS.appealRights.max),
    attachments: Uploads.default([]),
  }),
);

// A draft is checked as it stands: any field may still be empty or short, only the sizes are bounded.
export const CheckAnswerInput = z.strictObject({
  appealId: z.uuid(),
  decision: z.enum(answerDecision.enumValues).nullish(),
  withoutConsiderationGround: z.enum(GROUND_CODES).nullish(),
  text: z.string().max(ANSWER_LIMITS.text.max),
  legalGrounds: z.string().max(ANSWER_LIMITS.legalGrounds.max),
  appealRights: z.string().max(ANSWER_LIMITS.appealRights.max),
});

const acting = (ctx: { user: { id: string }; bodyId: string }) => ({ id: ctx.user.id, bodyId: ctx.bodyId });

// An action answers with where the appeal now stands, never the whole row (access-code and request hashes).
const ActionOutcome = z.object({ id: z.uuid(), status: z.enum(appealStatus.enumValues), dueAt: z.date() });

export const inboxRouter = router({
  list: officialProcedure
    .input(InboxInput)
    .query(({ ctx, input }) => listInbox(ctx.db, { ...input, viewer: ctx.user })),
  appeal: officialProcedure
    .input(AppealId)
    .query(({ ctx, input }) => getAppealForOfficial(ctx.db, { appealId: input.appealId, viewer: ctx.user })),
  executors: officialProcedure.query(({ ctx }) => listExecutors(ctx.db, { bodyId: ctx.bodyId })),
  bodies: officialProcedure.query(({ ctx }) => listStateBodies(ctx.db)),
  assign: officialProcedure
    .input(AppealId.extend({ executorId: z.uuid() }))
    .output(ActionOutcome)
    .mutation(({ ctx, input }) => assignAppeal(ctx.db, { ...input, official: acting(ctx) })),
  requestClarification: officialProcedure
    .input(ClarificationInput)
    .output(ActionOutcome)
    .mutation(({ ctx, input }) => requestClarification(ctx.db, { ...input, official: acting(ctx) })),
  forward: officialProcedure
    .input(ForwardInput)
    .output(ActionOutcome)
    .mutation(({ ctx, input }) => forwardAppeal(ctx.db, { ...input, official: acting(ctx) })),
  extend: officialProcedure
    .input(ExtendInput)
    .output(ActionOutcome)
    .mutation(({ ctx, input }) => extendAppealDeadline(ctx.db, { ...input, official: acting(ctx) })),
  answer: officialProcedure
    .input(AnswerInput)
    .output(ActionOutcome)
    .mutation(({ ctx, input }) => answerAppeal(ctx.db, { ...input, official: acting(ctx) })),
  passComplaintUp: officialProcedure
    .input(AppealId)
    .output(ActionOutcome)
    .mutation(({ ctx, input }) => passComplaintUp(ctx.db, { ...input, official: acting(ctx) })),
  checkAnswer: officialProcedure
    .input(CheckAnswerInput)
    .mutation(({ ctx, input }) => checkAnswerDraft(ctx.db, { ...input, official: acting(ctx) })),
  close: officialProcedure
    .input(AppealId)
    .output(ActionOutcome)
    .mutation(({ ctx, input }) => closeAppeal(ctx.db, { ...input, official: acting(ctx) })),
});
