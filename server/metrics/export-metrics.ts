import { z } from "zod";
import type { Db } from "@/db/client";
import { stateBodies } from "@/db/schema";
import { CSV_BOM, csvField, csvLine } from "../open-data/csv";
import { type ClockCounts, emptyClockCounts } from "./clock-figures";
import { metricsByMonth } from "./dashboard-queries";
import { CLOCK_FIELDS, clockCountsByMonth } from "./export-clock-columns";
import { roundRate } from "./export-rate";
import { cachedFigures } from "./figures-cache";
import { COUNT_COLUMNS, type MetricSet } from "./metric-set";
import { lastTwelveMonths, MONTH_PATTERN, monthsOf, type Period } from "./period";
import { snakeCase } from "./snake-case";

/** One exported row: flat, named in snake_case, as docs/metrics.md lists the columns. */
export type ExportRow = Record<string, string | number | null>;

type BodyNames = { code: string; region: string | null; nameKk: string; nameRu: string; nameEn: string };
/** What one row of the export is made from: a body (or region) and month, its metrics and clock counts. */
export type ExportSource = {
  month: string;
  key: string;
  body: BodyNames | undefined;
  metrics: MetricSet;
  clock: ClockCounts;
};
/** A column of the export: its name and how its value is read from the row's source. */
export type ExportField = readonly [name: string, value: (r: ExportSource) => string | number | null];

const SCOPE_FIELDS: Record<"body" | "region", ExportField[]> = {
  body: [
    ["month", (r) => r.month],
    ["body_code", (r) => r.body?.code ?? null],
    ["body_name_kk", (r) => r.body?.nameKk ?? null],
    ["body_name_ru", (r) => r.body?.nameRu ?? null],
    ["body_name_en", (r) => r.body?.nameEn ?? null],
    ["region", (r) => r.body?.region ?? null],
  ],
  region: [
    ["month", (r) => r.month],
    ["region", (r) => r.key],
  ],
};

/** The metric set's ratios (shares, rates, the mean quality), each column named after its key. */
type ShareKey = {
  [K in keyof MetricSet]: MetricSet[K] extends number | null ? K : never;
}[keyof MetricSet];
const shareFields = (keys: readonly ShareKey[]) =>
  keys.map((k): ExportField => [snakeCase(k), (r) => roundRate(r.metrics[k])]);

const METRIC_FIELDS: ExportField[] = [
  ...COUNT_COLUMNS.map((c): ExportField => [snakeCase(c), (r) => r.metrics.counts[c]]),
  ...shareFields(["responseRate", "onTimeRate", "overdueShare"]),
  ["answer_days_median", (r) => r.metrics.answerDays.median],
  ["answer_days_p90", (r) => r.metrics.answerDays.p90],
  ["overdue_days_median", (r) => r.metrics.overdueDays.median],
  ["overdue_days_p90", (r) => r.metrics.overdueDays.p90],
  ...shareFields([
    "extendedShare",
    "clarifiedShare",
    "forwardedShare",
    "pingPongShare",
    "resolvedShare",
    "partlyShare",
    "notResolvedShare",
    "meanQuality",
    "heardShare",
    "complaintRate",
    "upheldShare",
    "formalShare",
  ]),
];

const FIELDS = {
  body: [...SCOPE_FIELDS.body, ...METRIC_FIELDS, ...CLOCK_FIELDS],
  region: [...SCOPE_FIELDS.region, ...METRIC_FIELDS, ...CLOCK_FIELDS],
};

/**
 * Each row is one object written a column at a time. Spreading three partial rows into one, as it was,
 * took 400-900 ms for the two thousand rows of a year by body at 1M (V8's slow path for objects this
 * wide, by a micro-benchmark), against about 15 ms.
 */
function rowOf(fields: ExportField[], source: ExportSource): ExportRow {
  const row: ExportRow = {};
  for (const [name, value] of fields) row[name] = value(source);
  return row;
}

/** The open-data table: every metric per body (or region) and month filed, from the summary tables. */
export async function exportMetrics(
  db: Db,
  o: { period: Period; by: "body" | "region" },
): Promise<ExportRow[]> {
  const [rows, clock, bodies] = await Promise.all([
    metricsByMonth(db, o),
    clockCountsByMonth(db, o),
    o.by === "body"
      ? db
          .select({
            id: stateBodies.id,
            code: stateBodies.code,
            region: stateBodies.region,
            nameKk: stateBodies.nameKk,
            nameRu: stateBodies.nameRu,
            nameEn: stateBodies.nameEn,
          })
          .from(stateBodies)
      : Promise.resolve([]),
  ]);
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const fields = FIELDS[o.by];
  return rows.map((r) =>
    rowOf(fields, {
      month: r.month,
      key: r.key,
      body: byId.get(r.key),
      metrics: r.metrics,
      clock: clock.get(`${r.key}|${r.month}`) ?? emptyClockCounts(),
    }),
  );
}

/**
 * The export as a download, CSV or JSON, held in the figure cache until the summaries are next refreshed
 * like the dashboards' figures: computed, a year by body takes some 200 ms at 1M, nearly all of it in Node
 * over its two thousand rows (the summaries are read in 15 ms), and it changes at most once a minute.
 */
export function exportMetricsFile(db: Db, query: ExportQuery, format: "csv" | "json"): Promise<string> {
  const key = `export:metrics.${format}:${query.by}:${query.period.from}:${query.period.to}`;
  return cachedFigures(db, key, async () => {
    const rows = await exportMetrics(db, query);
    if (format === "csv") return CSV_BOM + toCsv(rows, exportColumns(query.by));
    return JSON.stringify({ period: query.period, by: query.by, documentation: "docs/metrics.md", rows });
  });
}

/** The export's columns in order, whether or not any row came back. */
export const exportColumns = (by: "body" | "region"): string[] => FIELDS[by].map(([name]) => name);

/** RFC 4180 (server/open-data/csv.ts): the header, then a line per row. */
export function toCsv(rows: ExportRow[], columns: string[]): string {
  let csv = csvLine(columns);
  for (const r of rows) csv += csvLine(columns.map((c) => csvField(r[c] ?? null)));
  return csv;
}

export type ExportQuery = { period: Period; by: "body" | "region" };

// The only parameters there are: an unknown one (a sort, a filter this export does not have) is a 400 that
// says so, never a silently different download.
const ExportQueryParams = z.strictObject({
  from: z.string().regex(MONTH_PATTERN).optional(),
  to: z.string().regex(MONTH_PATTERN).optional(),
  by: z.enum(["body", "region"]).default("body"),
});

/**
 * Reads ?from=YYYY-MM&to=YYYY-MM&by=body|region; a missing period means the last twelve months.
 * Returns null for anything else, which the route answers with 400.
 */
export function exportQueryOf(url: string, now: Date): ExportQuery | null {
  const parsed = ExportQueryParams.safeParse(Object.fromEntries(new URL(url).searchParams));
  if (!parsed.success) return null;
  const { from, to, by } = parsed.data;
  if (from === undefined && to === undefined) return { period: lastTwelveMonths(now), by };
  if (!from || !to || from > to) return null;
  if (monthsOf({ from, to }).length > MAX_EXPORT_MONTHS) return null;
  return { period: { from, to }, by };
}

const MAX_EXPORT_MONTHS = 120;
