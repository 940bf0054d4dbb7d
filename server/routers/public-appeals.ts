import { z } from "zod";
import { APPEAL_KIND_VALUES, APPEAL_STATUSES, appealCategory } from "@/db/schema";
import { REGION_CODES } from "../directory/regions";
import { getPublicAppeal } from "../public-appeals/get-public-appeal";
import { listPublicAppeals, PUBLIC_PAGE_SIZE, PUBLIC_SORTS } from "../public-appeals/list-public-appeals";
import {
  PublicAppealListOutput,
  PublicAppealPageOutput,
  SupportOutput,
} from "../public-appeals/public-appeal-schema";
import { supportAppeal } from "../public-appeals/support-appeal";
import { publicProcedure, rateLimited, readerDb, router, verifiedCitizenProcedure } from "../trpc";

export const PublicListInput = z.strictObject({
  bodyId: z.uuid().optional(),
  region: z.enum(REGION_CODES).optional(),
  category: z.enum(appealCategory.enumValues).optional(),
  kind: z.enum(APPEAL_KIND_VALUES).optional(),
  status: z.enum(APPEAL_STATUSES).optional(),
  overdue: z.boolean().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  search: z.string().trim().max(200).optional(),
  sort: z.enum(PUBLIC_SORTS).optional(),
  page: z.int().min(1).max(10_000).default(1),
  limit: z.int().min(1).max(PUBLIC_PAGE_SIZE.max).default(PUBLIC_PAGE_SIZE.default),
});

const AppealNumber = z.strictObject({ number: z.string().trim().min(1).max(40) });

export const publicAppealsRouter = router({
  list: publicProcedure
    .input(PublicListInput)
    .output(PublicAppealListOutput)
    .query(({ ctx, input }) => listPublicAppeals(readerDb(ctx), input)),
  get: publicProcedure
    .input(AppealNumber)
    .output(PublicAppealPageOutput)
    .query(({ ctx, input }) => getPublicAppeal(readerDb(ctx), { number: input.number, viewer: ctx.user })),
  support: verifiedCitizenProcedure
    .use(rateLimited("support", (ctx) => ctx.user?.id ?? "anonymous"))
    .input(AppealNumber)
    .output(SupportOutput)
    .mutation(({ ctx, input }) => supportAppeal(ctx.db, { number: input.number, citizenId: ctx.user.id })),
});
