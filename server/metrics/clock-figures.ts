import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Counts, Percentiles } from "./metric-set";
import { percentile } from "./metric-set";
import { monthStart, type Period } from "./period";
import { snakeCase } from "./snake-case";
import { kaplanMeier, type SurvivalEstimate } from "./survival";

/**
 * "The clock cannot be reset" and "Honest statistics" (docs/metrics.md) for one scope and period, read
 * from metrics_clock_monthly and metrics_clock_days (a few rows per body and month, never the appeals),
 * beside the counts of metrics_monthly the caller already has.
 */

export const CLOCK_COLUMNS = [
  "onTimeOriginal",
  "pausedNow",
  "pausedEver",
  "pausedPastDue",
  "returned",
  "toAccused",
  "complaintDecided",
  "forwardedAway",
  "forwardsLate",
  "forwardsAfterDue",
  "forwardsReturned",
  "forwardsToAccused",
] as const;
export type ClockColumn = (typeof CLOCK_COLUMNS)[number];
export type ClockCounts = Record<ClockColumn, number>;

const ZERO_CLOCK_COUNTS = Object.fromEntries(CLOCK_COLUMNS.map((c) => [c, 0])) as ClockCounts;
// Copied from one object, as emptyCounts is: built from entries, each took microseconds.
export const emptyClockCounts = (): ClockCounts => ({ ...ZERO_CLOCK_COUNTS });

/** A share with its numerator and denominator, so every figure shows what stands behind it. */
export type Share = { count: number; of: number; value: number | null };
const share = (count: number, of: number): Share => ({ count, of, value: of > 0 ? count / of : null });

export type ClockFigures = {
  counts: ClockCounts;
  /** On time against the original term (before any extension) and against the term as extended. */
  onTimeOriginal: Share;
  onTimeExtended: Share;
  /** On time, counting each forward the body made after its own deadline as a late appeal of its own. */
  onTimeCountingForwards: Share;
  forwardsLate: Share;
  forwardsAfterDue: Share;
  forwardsReturned: Share;
  forwardsToAccused: Share;
  /** Working days an appeal spent at the body before the body forwarded it. */
  stayDays: Percentiles;
  /** The answering body's own time (from its receipt) beside the citizen's time (from the filing). */
  bodyAnswerDays: Percentiles;
  endToEndDays: Percentiles;
  /** Time to answer with the unanswered appeals counted as censored at their current age. */
  survival: SurvivalEstimate;
  returned: Share;
  toAccused: Share;
  pausedNow: number;
  pausedEver: Share;
  pausedPastDue: Share;
  pausedDays: Percentiles;
  /** Complaints upheld over decided complaints; the pending ones beside. */
  upheld: Share;
  complaintsPending: number;
  /** Heard over every answered appeal; not rated is unknown, not "no". */
  heardOfAnswered: Share;
  heardUnknown: number;
  /** Appeals whose due date has not come: while any remain, the period's figures are provisional. */
  notYetDue: Share;
};

type ClockScope = { bodyId?: string; region?: string; central?: boolean };

function where(scope: ClockScope, period: Period): SQL {
  const conditions = [
    sql`f.month between ${monthStart(period.from)}::date and ${monthStart(period.to)}::date`,
  ];
  if (scope.bodyId) conditions.push(sql`f.body_id = ${scope.bodyId}`);
  if (scope.region) conditions.push(sql`f.region = ${scope.region}`);
  if (scope.central) conditions.push(sql`f.region is null`);
  return sql.join(conditions, sql` and `);
}

export type ClockGroupBy = "none" | "bodyMonth" | "regionMonth";
// Grouped by raw columns and keyed here, as dashboard-queries.ts does: no text built per row.
const groupOf: Record<ClockGroupBy, SQL> = {
  none: sql`null::text as k1, null::date as k2`,
  bodyMonth: sql`f.body_id as k1, f.month as k2`,
  regionMonth: sql`f.region as k1, f.month as k2`,
};
const monthOf = (v: unknown): string =>
  v instanceof Date ? v.toISOString().slice(0, 7) : String(v).slice(0, 7);
function keyOf(by: ClockGroupBy, r: Record<string, unknown>): string {
  if (by === "none") return "";
  // Central bodies (no region) form a row of their own, so that the regions add up to the republic.
  const scope = r.k1 == null ? "central" : String(r.k1);
  return `${scope}|${monthOf(r.k2)}`;
}

/** Clock counts per key, summed from metrics_clock_monthly. */
export async function clockCounts(
  db: Db,
  o: { scope: ClockScope; period: Period; by: ClockGroupBy },
): Promise<Map<string, ClockCounts>> {
  const sums = sql.join(
    CLOCK_COLUMNS.map((c) => sql`coalesce(sum(f.${sql.raw(snakeCase(c))}), 0)::int as ${sql.identifier(c)}`),
    sql`, `,
  );
  const rows = await db.execute<Record<string, unknown>>(sql`
    select ${groupOf[o.by]}, ${sums} from metrics_clock_monthly f
    where ${where(o.scope, o.period)} group by 1, 2`);
  return new Map(
    rows.map((r) => {
      const c = emptyClockCounts();
      for (const k of CLOCK_COLUMNS) c[k] = Number(r[k] ?? 0);
      return [keyOf(o.by, r), c];
    }),
  );
}

type Measure = "answered" | "open_since" | "censored" | "body_answer" | "paused" | "paused_since" | "stay";

async function histograms(db: Db, scope: ClockScope, period: Period) {
  const rows = await db.execute<{ measure: Measure; days: number; count: number; today: number | null }>(sql`
    select f.measure, f.days, sum(f.count)::int as count,
      (select w.ordinal from metrics_working_days w, metrics_state s
       where s.id = 1 and w.date = (s.refreshed_at at time zone 'UTC' + interval '5 hours')::date) as today
    from metrics_clock_days f
    where ${where(scope, period)}
    group by 1, 2`);
  const result = new Map<Measure, Map<number, number>>();
  let today = 0;
  for (const r of rows) {
    today = Number(r.today ?? 0);
    const h = result.get(r.measure) ?? new Map<number, number>();
    h.set(Number(r.days), Number(r.count));
    result.set(r.measure, h);
  }
  return { get: (m: Measure) => result.get(m) ?? new Map<number, number>(), today };
}

/** Ages from ordinals: a histogram keyed by "the ordinal the length counts from", as lengths today. */
function ages(h: Map<number, number>, today: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [since, n] of h) {
    const age = Math.max(0, today - since);
    out.set(age, (out.get(age) ?? 0) + n);
  }
  return out;
}

function add(...hs: Map<number, number>[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const h of hs) for (const [d, n] of h) out.set(d, (out.get(d) ?? 0) + n);
  return out;
}

function percentilesOf(h: Map<number, number>): Percentiles {
  let count = 0;
  for (const n of h.values()) count += n;
  return { median: percentile(h, 0.5), p90: percentile(h, 0.9), count };
}

/** Every clock figure of a scope, from its clock counts, histograms and the main counts. */
export function clockFiguresOf(
  c: ClockCounts,
  main: Counts,
  h: { get: (m: Measure) => Map<number, number>; today: number },
): ClockFigures {
  const answered = h.get("answered");
  const censored = add(ages(h.get("open_since"), h.today), h.get("censored"));
  return {
    counts: c,
    onTimeOriginal: share(c.onTimeOriginal, main.due),
    onTimeExtended: share(main.onTime, main.due),
    onTimeCountingForwards: share(main.onTime, main.due + c.forwardsAfterDue),
    forwardsLate: share(c.forwardsLate, c.forwardedAway),
    forwardsAfterDue: share(c.forwardsAfterDue, c.forwardedAway),
    forwardsReturned: share(c.forwardsReturned, c.forwardedAway),
    forwardsToAccused: share(c.forwardsToAccused, c.forwardedAway),
    stayDays: percentilesOf(h.get("stay")),
    bodyAnswerDays: percentilesOf(h.get("body_answer")),
    endToEndDays: percentilesOf(answered),
    survival: kaplanMeier({ events: answered, censored }),
    returned: share(c.returned, main.received),
    toAccused: share(c.toAccused, main.complaint),
    pausedNow: c.pausedNow,
    pausedEver: share(c.pausedEver, main.received),
    pausedPastDue: share(c.pausedPastDue, c.pausedEver),
    pausedDays: percentilesOf(add(h.get("paused"), ages(h.get("paused_since"), h.today))),
    upheld: share(main.complaintUpheld, c.complaintDecided),
    complaintsPending: Math.max(0, main.complained - c.complaintDecided),
    heardOfAnswered: share(main.heard, main.answered),
    heardUnknown: Math.max(0, main.answered - main.rated),
    notYetDue: share(main.received - main.due, main.received),
  };
}

/** The clock figures of one body, one region, the central bodies, or (no scope) the republic. */
export async function clockFigures(
  db: Db,
  o: { scope: ClockScope; period: Period; main: Counts },
): Promise<ClockFigures> {
  const [counts, h] = await Promise.all([
    clockCounts(db, { scope: o.scope, period: o.period, by: "none" }),
    histograms(db, o.scope, o.period),
  ]);
  return clockFiguresOf(counts.get("") ?? emptyClockCounts(), o.main, h);
}
