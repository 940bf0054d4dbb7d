import type { AppealKind } from "../deadlines/deadline-policy";
import { snakeCase } from "./snake-case";

/** The counts the summary tables hold, summed over any set of bodies and months (docs/metrics.md). */
export const COUNT_COLUMNS = [
  "received",
  "application",
  "message",
  "response",
  "proposal",
  "request",
  "complaint",
  "due",
  "answered",
  "onTime",
  "overdue",
  "forwarded",
  "pingPong",
  "extended",
  "clarified",
  "rated",
  "resolved",
  "partly",
  "notResolved",
  "qualitySum",
  "heard",
  "complained",
  "complaintUpheld",
  "formal",
  "declined",
  "hidden",
  "redacted",
  "reversed",
] as const;

export type CountColumn = (typeof COUNT_COLUMNS)[number];
/** The column of the summary tables that holds a count. */
export const countColumnName = (c: CountColumn) => snakeCase(c);
export type Counts = Record<CountColumn, number>;

/** Working days → how many appeals took that many. */
export type Histogram = ReadonlyMap<number, number>;

const ZERO_COUNTS = Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0])) as Counts;
// Copied from one object rather than built from entries each time: fifty times faster, and the export and
// the league table make one per body and month.
export const emptyCounts = (): Counts => ({ ...ZERO_COUNTS });

/** The 2021 national survey: 42.5% said central bodies pay attention to citizens' appeals. */
export const NATIONAL_SURVEY_HEARD_2021 = 0.425;

/** Below this many appeals received a figure is shown but flagged: one late answer moves it a lot. */
export const SMALL_BASE = 30;

export type Percentiles = { median: number | null; p90: number | null; count: number };

export type MetricSet = {
  counts: Counts;
  byKind: Record<AppealKind, number>;
  responseRate: number | null;
  onTimeRate: number | null;
  overdueShare: number | null;
  answerDays: Percentiles;
  overdueDays: Percentiles;
  extendedShare: number | null;
  clarifiedShare: number | null;
  forwardedShare: number | null;
  pingPongShare: number | null;
  resolvedShare: number | null;
  partlyShare: number | null;
  notResolvedShare: number | null;
  meanQuality: number | null;
  heardShare: number | null;
  complaintRate: number | null;
  upheldShare: number | null;
  formalShare: number | null;
};

/** part ÷ whole; no share of nothing (null, not 0). */
export const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * The value at fraction `p` of a histogram: the smallest number of days d such that at least p of the
 * appeals took d days or fewer, i.e. PostgreSQL's percentile_disc(p).
 */
export function percentile(h: Histogram, p: number): number | null {
  return percentilesAt(h, [p]).values[0] ?? null;
}

/** Several percentiles of one histogram, its days sorted and its appeals counted once. */
function percentilesAt(h: Histogram, ps: number[]): { values: (number | null)[]; total: number } {
  const days = [...h.keys()].sort((a, b) => a - b);
  let total = 0;
  for (const n of h.values()) total += n;
  const values = ps.map((p) => {
    if (total === 0) return null;
    let seen = 0;
    for (const d of days) {
      seen += h.get(d) ?? 0;
      if (seen >= p * total) return d;
    }
    return days[days.length - 1] ?? null;
  });
  return { values, total };
}

function percentiles(h: Histogram): Percentiles {
  const {
    values: [median = null, p90 = null],
    total,
  } = percentilesAt(h, [0.5, 0.9]);
  return { median, p90, count: total };
}

/** Rates and shares from summed counts; null where nothing stands behind a figure. */
export function metricSetOf(counts: Counts, answerDays: Histogram, overdueDays: Histogram): MetricSet {
  const c = counts;
  return {
    counts: c,
    byKind: {
      application: c.application,
      message: c.message,
      response: c.response,
      proposal: c.proposal,
      request: c.request,
      complaint: c.complaint,
    },
    responseRate: share(c.answered, c.due),
    onTimeRate: share(c.onTime, c.due),
    overdueShare: share(c.overdue, c.due),
    answerDays: percentiles(answerDays),
    overdueDays: percentiles(overdueDays),
    extendedShare: share(c.extended, c.received),
    clarifiedShare: share(c.clarified, c.received),
    forwardedShare: share(c.forwarded, c.received),
    pingPongShare: share(c.pingPong, c.received),
    resolvedShare: share(c.resolved, c.rated),
    partlyShare: share(c.partly, c.rated),
    notResolvedShare: share(c.notResolved, c.rated),
    meanQuality: share(c.qualitySum, c.rated),
    heardShare: share(c.heard, c.rated),
    complaintRate: share(c.complained, c.answered),
    upheldShare: share(c.complaintUpheld, c.complained),
    formalShare: share(c.formal, c.answered),
  };
}

/** Adds rows of counts (as PostgreSQL returns sums: strings or numbers) into one Counts. */
export function sumCounts(rows: readonly Partial<Record<CountColumn, unknown>>[]): Counts {
  const total = emptyCounts();
  for (const row of rows) for (const c of COUNT_COLUMNS) total[c] += Number(row[c] ?? 0);
  return total;
}
