import { z } from "zod";
import { latestCheckpoint } from "../moderation/checkpoint";
import { contestDecision } from "../moderation/contest-decision";
import { decideContest } from "../moderation/decide-contest";
import { findPublicationByNumber } from "../moderation/find-publication";
import { getAppealForModeration } from "../moderation/get-appeal-for-moderation";
import { getPublicationForAuthor } from "../moderation/get-publication-for-author";
import { listLogEntries } from "../moderation/list-log-entries";
import { listModerationQueue } from "../moderation/list-moderation-queue";
import { logFigures } from "../moderation/log-figures";
import { moderateAppeal } from "../moderation/moderate-appeal";
import { CheckpointOutput, LogEntriesOutput, LogFiguresOutput } from "../moderation/public-log-schema";
import { MODERATION_GROUNDS, SOURCE_TYPES, type StatementInput } from "../moderation/statement-of-reasons";
import { citizenProcedure, moderatorProcedure, publicProcedure, router } from "../trpc";

// A choice left unmade reads "required"; a value the form never offers reads "invalid".
const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.string().pipe(z.enum(values));
const AppealId = z.strictObject({ appealId: z.uuid() });

// The statement of reasons, as the DSA transparency database has it (see statement-of-reasons.ts).
const statementFields = {
  ground: choice(MODERATION_GROUNDS),
  facts: z.string().trim().min(10).max(2000),
  sourceType: choice(SOURCE_TYPES),
  sourceIdentity: z.string().trim().max(300).optional(),
};
type StatementFields = StatementInput & { sourceIdentity?: string };

// Whoever asked for a restriction on behalf of the state must be named: that is what the log is for.
function namesTheAuthority(input: object, ctx: z.RefinementCtx) {
  const { sourceType, sourceIdentity } = input as { sourceType?: string; sourceIdentity?: string };
  const named = sourceType === "SOURCE_STATE_BODY" || sourceType === "SOURCE_COURT";
  if (named && (sourceIdentity ?? "").length < 3) {
    ctx.addIssue({
      code: "custom",
      path: ["sourceIdentity"],
      params: { key: "required" },
      message: "required",
    });
  }
}

const statementOf = (i: StatementFields): StatementInput => ({
  ground: i.ground,
  facts: i.facts,
  sourceType: i.sourceType,
  sourceIdentity: i.sourceIdentity || null,
});

const Span = z.strictObject({ start: z.int().min(0), end: z.int().min(1) });
const Spans = z.array(Span).max(100);
// The body's answer, part by part (redactions.ts ANSWER_PARTS).
const AnswerSpans = z.strictObject({
  text: Spans.optional(),
  legalGrounds: Spans.optional(),
  appealRights: Spans.optional(),
});
// The subject, the text and the answer are redacted together; an empty set is no redaction at all.
const redactionFields = {
  redactions: Spans.default([]),
  subjectRedactions: Spans.default([]),
  answerRedactions: AnswerSpans.default({}),
};
type RedactionFields = {
  redactions: unknown[];
  subjectRedactions: unknown[];
  answerRedactions: Record<string, unknown[] | undefined>;
};
const spanCount = (i: RedactionFields) =>
  i.redactions.length +
  i.subjectRedactions.length +
  Object.values(i.answerRedactions).reduce((n, l) => n + (l?.length ?? 0), 0);

function marksSomething(input: object, ctx: z.RefinementCtx) {
  const i = input as Partial<RedactionFields> & { decision?: string; outcome?: string };
  if ((i.decision === "publish_redacted" || i.outcome === "amended") && spanCount(i as RedactionFields) === 0)
    ctx.addIssue({ code: "custom", path: ["redactions"], params: { key: "required" }, message: "required" });
}

// Reviewing an answer needs reasons only when something in it is redacted.
function reasonsForAnswerRedactions(input: object, ctx: z.RefinementCtx) {
  const i = input as Partial<RedactionFields> & { decision?: string } & Partial<StatementFields>;
  if (i.decision !== "publish_answer") return;
  if (Object.values(i.answerRedactions ?? {}).every((l) => !l?.length)) return;
  for (const key of ["ground", "facts", "sourceType"] as const)
    if (!i[key])
      ctx.addIssue({ code: "custom", path: [key], params: { key: "required" }, message: "required" });
}

export const DecideInput = z
  .discriminatedUnion("decision", [
    AppealId.extend({ decision: z.literal("publish") }),
    AppealId.extend({ decision: z.literal("publish_redacted"), ...redactionFields, ...statementFields }),
    AppealId.extend({
      decision: z.literal("publish_answer"),
      answerRedactions: AnswerSpans.default({}),
      ground: choice(MODERATION_GROUNDS).optional(),
      facts: statementFields.facts.optional(),
      sourceType: choice(SOURCE_TYPES).optional(),
      sourceIdentity: statementFields.sourceIdentity,
    }),
    AppealId.extend({ decision: z.enum(["decline", "hide", "restore"]), ...statementFields }),
  ])
  .superRefine(namesTheAuthority)
  .superRefine(marksSomething)
  .superRefine(reasonsForAnswerRedactions);

export const DecideContestInput = AppealId.extend({
  outcome: choice(["upheld", "reversed", "amended"]),
  ...redactionFields,
  ...statementFields,
})
  .superRefine(namesTheAuthority)
  .superRefine(marksSomething);

export const ContestInput = AppealId.extend({ reason: z.string().trim().min(10).max(2000) });

export const moderationRouter = router({
  queue: moderatorProcedure.query(({ ctx }) => listModerationQueue(ctx.db, { moderator: ctx.user })),
  find: moderatorProcedure
    .input(z.strictObject({ number: z.string().trim().min(1).max(40) }))
    .query(({ ctx, input }) =>
      findPublicationByNumber(ctx.db, { number: input.number, moderator: ctx.user }),
    ),
  get: moderatorProcedure
    .input(AppealId)
    .query(({ ctx, input }) => getAppealForModeration(ctx.db, { ...input, moderator: ctx.user })),
  decide: moderatorProcedure.input(DecideInput).mutation(async ({ ctx, input }) => {
    const entry = await moderateAppeal(ctx.db, {
      appealId: input.appealId,
      moderator: ctx.user,
      decision: input.decision,
      ...(input.decision === "publish_redacted"
        ? {
            redactions: input.redactions,
            subjectRedactions: input.subjectRedactions,
            answerRedactions: input.answerRedactions,
          }
        : input.decision === "publish_answer"
          ? { answerRedactions: input.answerRedactions }
          : {}),
      statement:
        input.decision === "publish"
          ? null
          : input.decision === "publish_answer"
            ? input.ground && input.facts && input.sourceType
              ? statementOf({
                  ...input,
                  ground: input.ground,
                  facts: input.facts,
                  sourceType: input.sourceType,
                })
              : null
            : statementOf(input),
    });
    return { seq: entry.seq };
  }),
  decideContest: moderatorProcedure.input(DecideContestInput).mutation(async ({ ctx, input }) => {
    const entry = await decideContest(ctx.db, {
      appealId: input.appealId,
      moderator: ctx.user,
      outcome: input.outcome,
      ...(input.outcome === "amended"
        ? {
            redactions: input.redactions,
            subjectRedactions: input.subjectRedactions,
            answerRedactions: input.answerRedactions,
          }
        : {}),
      statement: statementOf(input),
    });
    return { seq: entry.seq };
  }),
  // The author's side: where publication stands, and contesting a restriction once.
  publication: citizenProcedure
    .input(AppealId)
    .query(({ ctx, input }) => getPublicationForAuthor(ctx.db, { ...input, citizenId: ctx.user.id })),
  contest: citizenProcedure.input(ContestInput).mutation(async ({ ctx, input }) => {
    const contest = await contestDecision(ctx.db, { ...input, citizenId: ctx.user.id });
    return { contestedSeq: contest.contestedSeq };
  }),
  // The public log, for reading; /api/moderation-log serves the same entries for verification.
  log: publicProcedure
    .input(
      z.strictObject({
        before: z.int().min(1).nullish(),
        body: z.uuid().nullish(),
        ground: z.enum(MODERATION_GROUNDS).nullish(),
        appeal: z.string().trim().max(40).nullish(),
      }),
    )
    .output(LogEntriesOutput)
    .query(({ ctx, input }) => listLogEntries(ctx.db, input)),
  figures: publicProcedure.output(LogFiguresOutput).query(({ ctx }) => logFigures(ctx.db)),
  checkpoint: publicProcedure.output(CheckpointOutput).query(({ ctx }) => latestCheckpoint(ctx.db)),
});
