import { z } from "zod";
import { APPEAL_KIND_VALUES, appealCategory, ratingOutcome } from "@/db/schema";
import { routing } from "@/i18n/routing";
import { fileAppeal } from "../appeals/file-appeal";
import { fileComplaint } from "../appeals/file-complaint";
import { getAppealForCitizen } from "../appeals/get-appeal-for-citizen";
import { listMyAppeals } from "../appeals/list-my-appeals";
import { provideClarification } from "../appeals/provide-clarification";
import { rateAnswer } from "../appeals/rate-answer";
import { TEXT_LIMITS } from "../appeals/text-limits";
import { formInput, Uploads } from "../appeals/upload-input";
import { REGION_CODES } from "../directory/regions";
import { citizenProcedure, limitRate, router, verifiedCitizenProcedure } from "../trpc";

// A choice left unmade reads "required"; a value the form never offers reads "invalid".
const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.string().pipe(z.enum(values));

const AppealText = z.string().trim().min(TEXT_LIMITS.text.min).max(TEXT_LIMITS.text.max);

export const FileAppealInput = formInput(
  z.strictObject({
    kind: choice(APPEAL_KIND_VALUES),
    bodyId: z.uuid(),
    category: choice(appealCategory.enumValues),
    region: choice(REGION_CODES).optional(),
    subject: z.string().trim().min(TEXT_LIMITS.subject.min).max(TEXT_LIMITS.subject.max),
    text: AppealText,
    publishConsent: z.stringbool().default(false),
    // A report of a crime or a threat to public security, filed without the author's name (APPC Art. 76).
    crimeReport: z.stringbool().default(false),
    locale: z.enum(routing.locales),
    idempotencyKey: z.uuid(),
    attachments: Uploads.default([]),
  }),
);

export const ClarificationInput = formInput(
  z.strictObject({
    appealId: z.uuid(),
    reply: z.string().trim().min(5).max(TEXT_LIMITS.text.max),
    attachments: Uploads.default([]),
  }),
);

export const RateInput = z.strictObject({
  appealId: z.uuid(),
  outcome: z.enum(ratingOutcome.enumValues),
  quality: z.int().min(1).max(5),
  heard: z.boolean(),
});

export const ComplaintInput = z.strictObject({
  appealId: z.uuid(),
  text: AppealText,
  publishConsent: z.boolean(),
  locale: z.enum(routing.locales),
  idempotencyKey: z.uuid(),
});

const AppealId = z.strictObject({ id: z.uuid() });

export const appealRouter = router({
  // Acknowledged with the number only once the appeal has committed; an anonymous report keeps no author.
  file: verifiedCitizenProcedure.input(FileAppealInput).mutation(async ({ ctx, input }) => {
    const { crimeReport, region, ...fields } = input;
    const { appeal } = await fileAppeal(ctx.db, {
      ...fields,
      region: region ?? null,
      authorId: crimeReport ? null : ctx.user.id,
      anonymous: crimeReport,
      crimeReport,
      // A retry of a filing that committed, its answer lost to a dropped connection, gets its number back
      // without counting against the limit: on a poor network a citizen may retry many times.
      admitNew: () => limitRate(ctx, "fileAppeal", ctx.user.id),
    });
    return { id: appeal.id, number: appeal.number };
  }),
  mine: citizenProcedure.query(({ ctx }) => listMyAppeals(ctx.db, { viewer: ctx.user })),
  get: citizenProcedure
    .input(AppealId)
    .query(({ ctx, input }) => getAppealForCitizen(ctx.db, { appealId: input.id, viewer: ctx.user })),
  provideClarification: citizenProcedure.input(ClarificationInput).mutation(async ({ ctx, input }) => {
    const appeal = await provideClarification(ctx.db, { ...input, citizenId: ctx.user.id });
    return { id: appeal.id, status: appeal.status, dueAt: appeal.dueAt };
  }),
  rate: citizenProcedure
    .input(RateInput)
    .mutation(({ ctx, input }) => rateAnswer(ctx.db, { ...input, citizenId: ctx.user.id })),
  complain: citizenProcedure.input(ComplaintInput).mutation(async ({ ctx, input }) => {
    const complaint = await fileComplaint(ctx.db, { ...input, citizenId: ctx.user.id });
    return { id: complaint.id, number: complaint.number };
  }),
});
