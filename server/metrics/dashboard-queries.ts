import { asc, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stateBodies } from "@/db/schema";
import { almatyStartOfDay } from "../deadlines/working-calendar";
import { REGION_CODES, type RegionCode } from "../directory/regions";
import type { Category } from "../directory/state-bodies-directory";
import { appealFactsSelect, countAggregates } from "./appeal-facts-sql";
import { rankLeague } from "./league-ranking";
import {
  COUNT_COLUMNS,
  type Counts,
  countColumnName,
  emptyCounts,
  type Histogram,
  type MetricSet,
  metricSetOf,
  sumCounts,
} from "./metric-set";
import { addMonths, type Month, monthStart, monthsOf, type Period } from "./period";

/**
 * What the dashboards show, read from the summary tables (metrics_body_monthly, metrics_monthly,
 * metrics_day_histograms) that refresh-metrics.ts keeps current: a few thousand small rows at most,
 * never the appeals. Each function
 * has a *Direct twin that computes the same figures by a plain GROUP BY over the appeals, as the
 * benchmark's baseline and the tests' check that the summaries agree with the truth.
 */

/** Whose figures: one body, one region (the bodies located there), or the whole republic. */
export type Scope = { bodyId?: string; region?: RegionCode };

type GroupBy = "none" | "body" | "region" | "month" | "category" | "bodyMonth" | "regionMonth";
type Measure = "answer" | "overdue";

/** Where figures come from: the summary tables, or the appeals themselves. */
type Source = {
  counts(db: Db, o: { scope: Scope; period: Period; by: GroupBy }): Promise<Map<string, Counts>>;
  histograms(
    db: Db,
    o: { scope: Scope; period: Period; by: GroupBy; measure: Measure },
  ): Promise<Map<string, Map<number, number>>>;
};

// Grouped by the raw columns, and the key made here: grouping by to_char(month) or body_id::text made
// PostgreSQL hash text built per row, about half of each query's time on a million appeals.
const keyColumns: Record<GroupBy, SQL> = {
  none: sql`null::int as k1, null::int as k2`,
  body: sql`f.body_id as k1, null::int as k2`,
  region: sql`f.region as k1, null::int as k2`,
  month: sql`f.month as k1, null::int as k2`,
  category: sql`f.category as k1, null::int as k2`,
  bodyMonth: sql`f.body_id as k1, f.month as k2`,
  regionMonth: sql`f.region as k1, f.month as k2`,
};
const groupColumns: Record<GroupBy, SQL> = {
  none: sql`k1`,
  body: sql`f.body_id`,
  region: sql`f.region`,
  month: sql`f.month`,
  category: sql`f.category`,
  bodyMonth: sql`f.body_id, f.month`,
  regionMonth: sql`f.region, f.month`,
};

/** "YYYY-MM" of a date column, whether the driver hands it over as text or as a Date. */
const monthOf = (v: unknown): string =>
  v instanceof Date ? v.toISOString().slice(0, 7) : String(v).slice(0, 7);

function keyOf(by: GroupBy, r: { k1?: unknown; k2?: unknown }): string {
  switch (by) {
    case "none":
      return "";
    case "month":
      return monthOf(r.k1);
    case "bodyMonth":
      return `${String(r.k1)}|${monthOf(r.k2)}`;
    // Central bodies (no region) make a row of their own in the export, so the regions add up to the republic.
    case "regionMonth":
      return `${r.k1 == null ? "central" : String(r.k1)}|${monthOf(r.k2)}`;
    default:
      return String(r.k1);
  }
}
const byRegion = (by: GroupBy) => by === "region";

function collectCounts(by: GroupBy, rows: Record<string, unknown>[]): Map<string, Counts> {
  return new Map(rows.map((r) => [keyOf(by, r), sumCounts([r])]));
}

/** Rows of "days:appeals" pairs (metrics_day_histograms.histogram), added up per group key. */
function collectHistograms(by: GroupBy, rows: { k1?: unknown; k2?: unknown; histogram: string }[]) {
  const sums = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const key = keyOf(by, r);
    const h = sums.get(key) ?? new Map<number, number>();
    sums.set(key, h);
    addPairs(h, r.histogram);
  }
  return sums;
}

const COLON = 58;
const SPACE = 32;
const MINUS = 45;

/**
 * Adds "days:appeals days:appeals …" to `h`, read a character at a time: a year of the league table is
 * some 50 000 pairs, and splitting them into strings took a third of its time.
 */
function addPairs(h: Map<number, number>, text: string): void {
  let n = 0;
  let sign = 1;
  let days = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : SPACE;
    if (c === COLON) {
      days = sign * n;
      n = 0;
      sign = 1;
    } else if (c === SPACE) {
      h.set(days, (h.get(days) ?? 0) + n);
      n = 0;
    } else if (c === MINUS) sign = -1;
    else n = n * 10 + (c - 48);
  }
}

function summaryWhere(scope: Scope, period: Period, by: GroupBy): SQL {
  const conditions = [
    sql`f.month between ${monthStart(period.from)}::date and ${monthStart(period.to)}::date`,
  ];
  if (scope.bodyId) conditions.push(sql`f.body_id = ${scope.bodyId}`);
  if (scope.region) conditions.push(sql`f.region = ${scope.region}`);
  if (byRegion(by)) conditions.push(sql`f.region is not null`);
  return sql.join(conditions, sql` and `);
}

const summary: Source = {
  async counts(db, { scope, period, by }) {
    const sums = sql.join(
      COUNT_COLUMNS.map(
        (c) => sql`coalesce(sum(f.${sql.raw(countColumnName(c))}), 0)::int as ${sql.identifier(c)}`,
      ),
      sql`, `,
    );
    // Only the category breakdown needs the rows per category; the rest sum a quarter as many.
    const table = by === "category" ? sql`metrics_monthly` : sql`metrics_body_monthly`;
    const rows = await db.execute(sql`
      select ${keyColumns[by]}, ${sums}
      from ${table} f
      where ${summaryWhere(scope, period, by)}
      group by ${groupColumns[by]}`);
    return collectCounts(by, rows as Record<string, unknown>[]);
  },
  async histograms(db, { scope, period, by, measure }) {
    // Days are counted per body and month, not per category.
    if (by === "category") return new Map();
    // Added up here rather than in SQL: splitting the histograms to group them again costs PostgreSQL
    // more than the few thousand rows cost to send.
    const rows = await db.execute<{ k1: unknown; k2: unknown; histogram: string }>(sql`
      select ${keyColumns[by]}, f.histogram
      from metrics_day_histograms f
      where f.measure = ${measure} and ${summaryWhere(scope, period, by)}`);
    return collectHistograms(by, rows);
  },
};

/** The straightforward computation: every appeal of the scope and period, grouped on the spot. */
function direct(now: Date, o: { formal?: boolean } = {}): Source {
  const facts = (scope: Scope, period: Period) => {
    const conditions = [
      sql`a.filed_at >= ${almatyStartOfDay(monthStart(period.from)).toISOString()}::timestamptz`,
      sql`a.filed_at < ${almatyStartOfDay(monthStart(addMonths(period.to, 1))).toISOString()}::timestamptz`,
    ];
    if (scope.bodyId) conditions.push(sql`a.body_id = ${scope.bodyId}`);
    if (scope.region) conditions.push(sql`b.region = ${scope.region}`);
    return appealFactsSelect({
      now,
      where: sql.join(conditions, sql` and `),
      formal: o.formal === false ? "skip" : "compute",
    });
  };
  return {
    async counts(db, { scope, period, by }) {
      const rows = await db.execute(sql`
        with f as (${facts(scope, period)})
        select ${keyColumns[by]}, ${countAggregates}
        from f ${byRegion(by) ? sql`where f.region is not null` : sql``}
        group by ${groupColumns[by]}`);
      return collectCounts(by, rows as Record<string, unknown>[]);
    },
    async histograms(db, { scope, period, by, measure }) {
      if (by === "category") return new Map();
      const days = measure === "answer" ? sql`f.answer_days` : sql`f.overdue_days`;
      const rows = await db.execute<{ k1: unknown; k2: unknown; histogram: string }>(sql`
        with f as (${facts(scope, period)})
        select ${keyColumns[by]}, ${days} || ':' || count(*) as histogram
        from f
        where ${days} is not null ${byRegion(by) ? sql`and f.region is not null` : sql``}
        group by ${groupColumns[by]}, ${days}`);
      return collectHistograms(by, rows);
    },
  };
}

const NO_DAYS: Histogram = new Map();

// ---- All metrics of one scope ---------------------------------------------------------------------

async function metricsOf(source: Source, db: Db, scope: Scope, period: Period): Promise<MetricSet> {
  const [counts, answer, overdue] = await Promise.all([
    source.counts(db, { scope, period, by: "none" }),
    source.histograms(db, { scope, period, by: "none", measure: "answer" }),
    source.histograms(db, { scope, period, by: "none", measure: "overdue" }),
  ]);
  return metricSetOf(counts.get("") ?? emptyCounts(), answer.get("") ?? NO_DAYS, overdue.get("") ?? NO_DAYS);
}

export const bodyMetrics = (db: Db, bodyId: string, period: Period) =>
  metricsOf(summary, db, { bodyId }, period);
export const regionMetrics = (db: Db, region: RegionCode, period: Period) =>
  metricsOf(summary, db, { region }, period);
export const republicMetrics = (db: Db, period: Period) => metricsOf(summary, db, {}, period);

export type DirectOptions = { now?: Date; formal?: boolean };

export const bodyMetricsDirect = (db: Db, bodyId: string, period: Period, o: DirectOptions = {}) =>
  metricsOf(direct(o.now ?? new Date(), o), db, { bodyId }, period);
export const regionMetricsDirect = (db: Db, region: RegionCode, period: Period, o: DirectOptions = {}) =>
  metricsOf(direct(o.now ?? new Date(), o), db, { region }, period);
export const republicMetricsDirect = (db: Db, period: Period, o: DirectOptions = {}) =>
  metricsOf(direct(o.now ?? new Date(), o), db, {}, period);

// ---- League table of bodies ---------------------------------------------------------------------

export const LEAGUE_SORT_KEYS = [
  "received",
  "responseRate",
  "onTimeRate",
  "overdue",
  "medianDays",
  "p90Days",
  "meanQuality",
  "heardShare",
  "complaintRate",
  "formalShare",
] as const;
export type LeagueSortKey = (typeof LEAGUE_SORT_KEYS)[number];
export type SortOrder = "asc" | "desc";

// Fewer days is better; for everything else the better figure is the larger one, except complaints and
// formal replies, where the fewer the better.
const BEST_FIRST: Record<LeagueSortKey, SortOrder> = {
  received: "desc",
  responseRate: "desc",
  onTimeRate: "desc",
  overdue: "asc",
  medianDays: "asc",
  p90Days: "asc",
  meanQuality: "desc",
  heardShare: "desc",
  complaintRate: "asc",
  formalShare: "asc",
};

export type LeagueRow = {
  bodyId: string;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  region: string | null;
  level: "central" | "regional" | "district";
  received: number;
  due: number;
  answered: number;
  rated: number;
  overdue: number;
  responseRate: number | null;
  onTimeRate: number | null;
  medianDays: number | null;
  p90Days: number | null;
  meanQuality: number | null;
  heardShare: number | null;
  complaintRate: number | null;
  formalShare: number | null;
  /** The sorted figure's own denominator, and fewer than SMALL_BASE of them: listed after the rest. */
  base: number;
  small: boolean;
  /** What the row is ranked by (league-ranking.ts): for a share, the cautious end of its Wilson interval. */
  score: number | null;
};

export type LeagueOptions = {
  period: Period;
  sort: LeagueSortKey;
  order?: SortOrder;
  /** Only the bodies located in this region. */
  region?: RegionCode;
};

async function leagueTableFrom(source: Source, db: Db, o: LeagueOptions): Promise<LeagueRow[]> {
  const [bodies, counts, answer] = await Promise.all([
    db
      .select({
        id: stateBodies.id,
        code: stateBodies.code,
        nameKk: stateBodies.nameKk,
        nameRu: stateBodies.nameRu,
        nameEn: stateBodies.nameEn,
        region: stateBodies.region,
        level: stateBodies.level,
      })
      .from(stateBodies)
      .orderBy(asc(stateBodies.code)),
    source.counts(db, { scope: { region: o.region }, period: o.period, by: "body" }),
    source.histograms(db, { scope: { region: o.region }, period: o.period, by: "body", measure: "answer" }),
  ]);
  const rows: Omit<LeagueRow, "base" | "small" | "score">[] = [];
  for (const body of bodies) {
    const c = counts.get(body.id);
    if (!c || c.received === 0) continue;
    const m = metricSetOf(c, answer.get(body.id) ?? NO_DAYS, NO_DAYS);
    rows.push({
      bodyId: body.id,
      code: body.code,
      nameKk: body.nameKk,
      nameRu: body.nameRu,
      nameEn: body.nameEn,
      region: body.region,
      level: body.level,
      received: c.received,
      due: c.due,
      answered: c.answered,
      rated: c.rated,
      overdue: c.overdue,
      responseRate: m.responseRate,
      onTimeRate: m.onTimeRate,
      medianDays: m.answerDays.median,
      p90Days: m.answerDays.p90,
      meanQuality: m.meanQuality,
      heardShare: m.heardShare,
      complaintRate: m.complaintRate,
      formalShare: m.formalShare,
    });
  }
  return rankLeague(rows, o.sort, o.order ?? BEST_FIRST[o.sort]);
}

export const leagueTable = (db: Db, o: LeagueOptions) => leagueTableFrom(summary, db, o);
export const leagueTableDirect = (db: Db, o: LeagueOptions & DirectOptions) =>
  leagueTableFrom(direct(o.now ?? new Date(), o), db, o);

// ---- Map of regions -----------------------------------------------------------------------------

export const MAP_METRICS = [
  "responseRate",
  "onTimeRate",
  "overdueShare",
  "medianDays",
  "meanQuality",
  "heardShare",
  "received",
] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

export type RegionValue = {
  region: RegionCode;
  value: number | null;
  /** How many appeals stand behind the value: received, due, answered or rated, as the metric needs. */
  base: number;
};

function mapValue(m: MetricSet, metric: MapMetric): { value: number | null; base: number } {
  const c = m.counts;
  switch (metric) {
    case "received":
      return { value: c.received, base: c.received };
    case "responseRate":
      return { value: m.responseRate, base: c.due };
    case "onTimeRate":
      return { value: m.onTimeRate, base: c.due };
    case "overdueShare":
      return { value: m.overdueShare, base: c.due };
    case "medianDays":
      return { value: m.answerDays.median, base: m.answerDays.count };
    case "meanQuality":
      return { value: m.meanQuality, base: c.rated };
    case "heardShare":
      return { value: m.heardShare, base: c.rated };
  }
}

async function regionMapFrom(
  source: Source,
  db: Db,
  o: { metric: MapMetric; period: Period },
): Promise<RegionValue[]> {
  const [counts, answer] = await Promise.all([
    source.counts(db, { scope: {}, period: o.period, by: "region" }),
    o.metric === "medianDays"
      ? source.histograms(db, { scope: {}, period: o.period, by: "region", measure: "answer" })
      : Promise.resolve(new Map<string, Map<number, number>>()),
  ]);
  return REGION_CODES.map((region) => {
    const m = metricSetOf(counts.get(region) ?? emptyCounts(), answer.get(region) ?? NO_DAYS, NO_DAYS);
    return { region, ...mapValue(m, o.metric) };
  });
}

export const regionMap = (db: Db, o: { metric: MapMetric; period: Period }) => regionMapFrom(summary, db, o);
export const regionMapDirect = (db: Db, o: { metric: MapMetric; period: Period } & DirectOptions) =>
  regionMapFrom(direct(o.now ?? new Date(), o), db, o);

// ---- Trend by month ------------------------------------------------------------------------------

export type TrendPoint = {
  month: Month;
  received: number;
  due: number;
  answered: number;
  onTime: number;
  overdue: number;
  responseRate: number | null;
  onTimeRate: number | null;
  medianDays: number | null;
};

export type TrendOptions = Scope & { period: Period };

async function monthlyTrendFrom(source: Source, db: Db, o: TrendOptions): Promise<TrendPoint[]> {
  const scope = { bodyId: o.bodyId, region: o.region };
  const [counts, answer] = await Promise.all([
    source.counts(db, { scope, period: o.period, by: "month" }),
    source.histograms(db, { scope, period: o.period, by: "month", measure: "answer" }),
  ]);
  return monthsOf(o.period).map((month) => {
    const c = counts.get(month) ?? emptyCounts();
    const m = metricSetOf(c, answer.get(month) ?? NO_DAYS, NO_DAYS);
    return {
      month,
      received: c.received,
      due: c.due,
      answered: c.answered,
      onTime: c.onTime,
      overdue: c.overdue,
      responseRate: m.responseRate,
      onTimeRate: m.onTimeRate,
      medianDays: m.answerDays.median,
    };
  });
}

export const monthlyTrend = (db: Db, o: TrendOptions) => monthlyTrendFrom(summary, db, o);
export const monthlyTrendDirect = (db: Db, o: TrendOptions & DirectOptions) =>
  monthlyTrendFrom(direct(o.now ?? new Date(), o), db, o);

// ---- By category ---------------------------------------------------------------------------------

export type CategoryRow = {
  category: Category;
  received: number;
  due: number;
  answered: number;
  responseRate: number | null;
  onTimeRate: number | null;
};

async function categoryBreakdownFrom(source: Source, db: Db, o: TrendOptions): Promise<CategoryRow[]> {
  const counts = await source.counts(db, {
    scope: { bodyId: o.bodyId, region: o.region },
    period: o.period,
    by: "category",
  });
  return [...counts.entries()]
    .map(([category, c]) => {
      const m = metricSetOf(c, NO_DAYS, NO_DAYS);
      return {
        category: category as Category,
        received: c.received,
        due: c.due,
        answered: c.answered,
        responseRate: m.responseRate,
        onTimeRate: m.onTimeRate,
      };
    })
    .sort((a, b) => b.received - a.received || a.category.localeCompare(b.category));
}

export const categoryBreakdown = (db: Db, o: TrendOptions) => categoryBreakdownFrom(summary, db, o);
export const categoryBreakdownDirect = (db: Db, o: TrendOptions & DirectOptions) =>
  categoryBreakdownFrom(direct(o.now ?? new Date(), o), db, o);

// ---- Open data: every metric per body or region and month ------------------------------------------

export type MetricsRow = { key: string; month: Month; metrics: MetricSet };

async function metricsByMonthFrom(
  source: Source,
  db: Db,
  o: { period: Period; by: "body" | "region" },
): Promise<MetricsRow[]> {
  const by = o.by === "body" ? "bodyMonth" : "regionMonth";
  const [counts, answer, overdue] = await Promise.all([
    source.counts(db, { scope: {}, period: o.period, by }),
    source.histograms(db, { scope: {}, period: o.period, by, measure: "answer" }),
    source.histograms(db, { scope: {}, period: o.period, by, measure: "overdue" }),
  ]);
  return [...counts.entries()]
    .filter(([, c]) => c.received > 0)
    .map(([k, c]) => {
      const [key = "", month = ""] = k.split("|");
      return { key, month, metrics: metricSetOf(c, answer.get(k) ?? NO_DAYS, overdue.get(k) ?? NO_DAYS) };
    })
    .sort((a, b) => byText.compare(a.month, b.month) || byText.compare(a.key, b.key));
}

// localeCompare's order, without its cost: it made a collator on each of the export's 20 000 comparisons.
const byText = new Intl.Collator();

/** Rows keyed by body id or region code; the export names the bodies. */
export const metricsByMonth = (db: Db, o: { period: Period; by: "body" | "region" }) =>
  metricsByMonthFrom(summary, db, o);
export const metricsByMonthDirect = (db: Db, o: { period: Period; by: "body" | "region" } & DirectOptions) =>
  metricsByMonthFrom(direct(o.now ?? new Date(), o), db, o);
