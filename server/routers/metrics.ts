import { z } from "zod";
import { REGION_CODES } from "../directory/regions";
import {
  LEAGUE_SORT_KEYS,
  leagueTable,
  MAP_METRICS,
  monthlyTrend,
  regionMap,
  republicMetrics,
} from "../metrics/dashboard-queries";
import { getBodyDashboard, getRegionDashboard } from "../metrics/get-scope-dashboard";
import {
  BodyDashboardOutput,
  LeagueOutput,
  MetricSetOutput,
  RegionDashboardOutput,
  RegionMapOutput,
  TrendOutput,
} from "../metrics/metrics-schema";
import { lastTwelveMonths, MONTH_PATTERN, type Period } from "../metrics/period";
import { publicProcedure, router } from "../trpc";

// Five years of months at most: the summary tables answer any span fast, but a page needs a limit.
const MAX_MONTHS = 60;

const Month = z.string().regex(MONTH_PATTERN);
export const PeriodInput = z
  .strictObject({ from: Month, to: Month })
  .refine((p) => p.from <= p.to, { path: ["to"] })
  .refine((p) => monthsBetween(p) <= MAX_MONTHS, { path: ["from"] })
  .optional();

function monthsBetween(p: Period): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(p.to) - index(p.from) + 1;
}

/** No period given: the last twelve months, the current one included. */
const periodOf = (p: Period | undefined) => p ?? lastTwelveMonths(new Date());

// Public: the dashboards show counts and rates, never an appeal or a person.
export const metricsRouter = router({
  overview: publicProcedure
    .input(z.strictObject({ period: PeriodInput }))
    .output(MetricSetOutput)
    .query(({ ctx, input }) => republicMetrics(ctx.db, periodOf(input.period))),
  league: publicProcedure
    .input(
      z.strictObject({
        period: PeriodInput,
        sort: z.enum(LEAGUE_SORT_KEYS),
        order: z.enum(["asc", "desc"]).optional(),
      }),
    )
    .output(LeagueOutput)
    .query(({ ctx, input }) => leagueTable(ctx.db, { ...input, period: periodOf(input.period) })),
  map: publicProcedure
    .input(z.strictObject({ period: PeriodInput, metric: z.enum(MAP_METRICS) }))
    .output(RegionMapOutput)
    .query(({ ctx, input }) => regionMap(ctx.db, { ...input, period: periodOf(input.period) })),
  trend: publicProcedure
    .input(z.strictObject({ period: PeriodInput }))
    .output(TrendOutput)
    .query(({ ctx, input }) => monthlyTrend(ctx.db, { period: periodOf(input.period) })),
  body: publicProcedure
    .input(z.strictObject({ code: z.string().trim().min(1).max(100), period: PeriodInput }))
    .output(BodyDashboardOutput)
    .query(({ ctx, input }) =>
      getBodyDashboard(ctx.db, { code: input.code, period: periodOf(input.period) }),
    ),
  region: publicProcedure
    .input(z.strictObject({ code: z.enum(REGION_CODES), period: PeriodInput }))
    .output(RegionDashboardOutput)
    .query(({ ctx, input }) =>
      getRegionDashboard(ctx.db, { region: input.code, period: periodOf(input.period) }),
    ),
});

export { periodOf };
