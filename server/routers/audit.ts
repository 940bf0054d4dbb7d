import { z } from "zod";
import { REGION_CODES } from "../directory/regions";
import { FIGURE_NAMES } from "../metrics/figures";
import { getAuditAppeal } from "../metrics/get-audit-appeal";
import { listFigureAppeals } from "../metrics/list-figure-appeals";
import { auditorProcedure, router } from "../trpc";
import { PeriodInput, periodOf } from "./metrics";

// Auditors read what the figures are made of: appeal content, never the applicant's personal data.
export const auditRouter = router({
  figure: auditorProcedure
    .input(
      z.strictObject({
        figure: z.enum(FIGURE_NAMES),
        period: PeriodInput,
        bodyCode: z.string().trim().min(1).max(100).optional(),
        region: z.enum(REGION_CODES).optional(),
        page: z.number().int().min(1).max(10_000).default(1),
      }),
    )
    .query(({ ctx, input }) => listFigureAppeals(ctx.db, { ...input, period: periodOf(input.period) })),
  appeal: auditorProcedure
    .input(z.strictObject({ id: z.uuid() }))
    .query(({ ctx, input }) => getAuditAppeal(ctx.db, input.id)),
});
