import { z } from "zod";
import { APPEAL_KIND_VALUES, answerDecision, appealCategory, bodyLevel } from "@/db/schema";
import type { AnswerDecision } from "../appeals/answer-outcomes";
import { REGION_CODES } from "../directory/regions";
import { COUNT_COLUMNS, type CountColumn } from "./metric-set";

/**
 * What the public dashboards may return, field by field: counts and rates, never an appeal or a person.
 * Strict objects, so a field added to a query without being listed here fails the call.
 */

const count = z.number().int();
const rate = z.number().nullable();
const Percentiles = z.strictObject({ median: z.number().nullable(), p90: z.number().nullable(), count });

const countShape = Object.fromEntries(COUNT_COLUMNS.map((c) => [c, count])) as Record<
  CountColumn,
  typeof count
>;
const kindShape = Object.fromEntries(APPEAL_KIND_VALUES.map((k) => [k, count])) as Record<
  (typeof APPEAL_KIND_VALUES)[number],
  typeof count
>;

export const MetricSetOutput = z.strictObject({
  counts: z.strictObject(countShape),
  byKind: z.strictObject(kindShape),
  responseRate: rate,
  onTimeRate: rate,
  overdueShare: rate,
  answerDays: Percentiles,
  overdueDays: Percentiles,
  extendedShare: rate,
  clarifiedShare: rate,
  forwardedShare: rate,
  pingPongShare: rate,
  resolvedShare: rate,
  partlyShare: rate,
  notResolvedShare: rate,
  meanQuality: rate,
  heardShare: rate,
  complaintRate: rate,
  upheldShare: rate,
  formalShare: rate,
});

const LeagueRow = z.strictObject({
  bodyId: z.string(),
  code: z.string(),
  nameKk: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  region: z.string().nullable(),
  level: z.enum(bodyLevel.enumValues),
  received: count,
  due: count,
  answered: count,
  rated: count,
  overdue: count,
  responseRate: rate,
  onTimeRate: rate,
  medianDays: rate,
  p90Days: rate,
  meanQuality: rate,
  heardShare: rate,
  complaintRate: rate,
  formalShare: rate,
  base: count,
  small: z.boolean(),
  score: rate,
});
export const LeagueOutput = z.array(LeagueRow);

export const RegionMapOutput = z.array(
  z.strictObject({ region: z.enum(REGION_CODES), value: z.number().nullable(), base: count }),
);

export const TrendOutput = z.array(
  z.strictObject({
    month: z.string(),
    received: count,
    due: count,
    answered: count,
    onTime: count,
    overdue: count,
    responseRate: rate,
    onTimeRate: rate,
    medianDays: rate,
  }),
);

const CategoriesOutput = z.array(
  z.strictObject({
    category: z.enum(appealCategory.enumValues),
    received: count,
    due: count,
    answered: count,
    responseRate: rate,
    onTimeRate: rate,
  }),
);

const decisionCounts = z.strictObject(
  Object.fromEntries(answerDecision.enumValues.map((d) => [d, z.number()])) as Record<
    AnswerDecision,
    z.ZodNumber
  >,
);
const verdictCounts = z.strictObject({ resolved: z.number(), partly: z.number(), not_resolved: z.number() });
// What the answers say (server/metrics/answer-figures.ts).
export const AnswerFiguresOutput = z.strictObject({
  answered: z.number(),
  decisions: decisionCounts,
  claimed: z.strictObject(
    Object.fromEntries(answerDecision.enumValues.map((d) => [d, verdictCounts])) as Record<
      AnswerDecision,
      typeof verdictCounts
    >,
  ),
  rated: z.number(),
  satisfiedRated: z.number(),
  satisfiedNotResolved: z.number(),
  cameBack: z.number(),
  cameBackBase: z.number(),
  cameBackCountedAt: z.string().nullable(),
  checked: z.number(),
  lawfulLanguage: z.number(),
  namesLegalGround: z.number(),
  formal: z.number(),
});

export const BodyDashboardOutput = z.strictObject({
  body: z.strictObject({
    id: z.string(),
    code: z.string(),
    level: z.enum(bodyLevel.enumValues),
    region: z.string().nullable(),
    nameKk: z.string(),
    nameRu: z.string(),
    nameEn: z.string(),
  }),
  metrics: MetricSetOutput,
  trend: TrendOutput,
  categories: CategoriesOutput,
  answers: AnswerFiguresOutput,
});

export const RegionDashboardOutput = z.strictObject({
  region: z.enum(REGION_CODES),
  metrics: MetricSetOutput,
  trend: TrendOutput,
  categories: CategoriesOutput,
  bodies: LeagueOutput,
});
