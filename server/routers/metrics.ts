import { z } from "zod";
import type { Db } from "@/db/client";
import { REGION_CODES, type RegionCode } from "../directory/regions";
import { answerFigures } from "../metrics/answer-figures";
import { ClockFiguresOutput } from "../metrics/clock-figures-schema";
import {
  LEAGUE_SORT_KEYS,
  leagueTable,
  MAP_METRICS,
  monthlyTrend,
  regionMap,
  republicMetrics,
} from "../metrics/dashboard-queries";
import { cachedFigures } from "../metrics/figures-cache";
import { getClockFigures } from "../metrics/get-clock-figures";
import { getBodyDashboard, getRegionDashboard } from "../metrics/get-scope-dashboard";
import {
  AnswerFiguresOutput,
  BodyDashboardOutput,
  LeagueOutput,
  MetricSetOutput,
  RegionDashboardOutput,
  RegionMapOutput,
  TrendOutput,
} from "../metrics/metrics-schema";
import { lastTwelveMonths, MONTH_PATTERN, type Period } from "../metrics/period";
import { type Context, publicProcedure, readerDb, router } from "../trpc";

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

/** The figures of one dashboard query, cached until the summaries are next refreshed. */
function figures<O extends { period: Period }, T>(name: string, compute: (db: Db, o: O) => Promise<T>) {
  return ({ ctx, input }: { ctx: Context; input: Omit<O, "period"> & { period?: Period } }) => {
    const o = { ...input, period: periodOf(input.period) } as O;
    const db = readerDb(ctx);
    return cachedFigures(db, `${name}:${JSON.stringify(o)}`, () => compute(db, o));
  };
}

// Public: the dashboards show counts and rates, never an appeal or a person.
export const metricsRouter = router({
  overview: publicProcedure
    .input(z.strictObject({ period: PeriodInput }))
    .output(MetricSetOutput)
    .query(figures("overview", (db, o) => republicMetrics(db, o.period))),
  league: publicProcedure
    .input(
      z.strictObject({
        period: PeriodInput,
        sort: z.enum(LEAGUE_SORT_KEYS),
        order: z.enum(["asc", "desc"]).optional(),
      }),
    )
    .output(LeagueOutput)
    .query(figures("league", leagueTable)),
  map: publicProcedure
    .input(z.strictObject({ period: PeriodInput, metric: z.enum(MAP_METRICS) }))
    .output(RegionMapOutput)
    .query(figures("map", regionMap)),
  trend: publicProcedure
    .input(z.strictObject({ period: PeriodInput }))
    .output(TrendOutput)
    .query(figures("trend", monthlyTrend)),
  body: publicProcedure
    .input(z.strictObject({ code: z.string().trim().min(1).max(100), period: PeriodInput }))
    .output(BodyDashboardOutput)
    .query(figures("body", getBodyDashboard)),
  // What the answers say (decisions, verdicts, came back, the check's figures) for the republic or a region.
  answers: publicProcedure
    .input(z.strictObject({ period: PeriodInput, region: z.enum(REGION_CODES).optional() }))
    .output(AnswerFiguresOutput)
    .query(({ ctx, input }) =>
      answerFigures(readerDb(ctx), { period: periodOf(input.period), region: input.region }),
    ),
  region: publicProcedure
    .input(z.strictObject({ code: z.enum(REGION_CODES), period: PeriodInput }))
    .output(RegionDashboardOutput)
    .query(
      figures("region", (db, o: { code: RegionCode; period: Period }) =>
        getRegionDashboard(db, { region: o.code, period: o.period }),
      ),
    ),
  // Forwards, pauses, original terms and the honest statistics of one body, region or the republic.
  clock: publicProcedure
    .input(
      z.strictObject({
        period: PeriodInput,
        code: z.string().trim().min(1).max(100).optional(),
        region: z.enum(REGION_CODES).optional(),
      }),
    )
    .output(ClockFiguresOutput)
    .query(figures("clock", getClockFigures)),
});

export { periodOf };
