import { z } from "zod";
import type { Db } from "@/db/client";
import { stateBodies } from "@/db/schema";
import { emptyClockCounts } from "./clock-figures";
import { metricsByMonth } from "./dashboard-queries";
import { clockColumnNames, clockColumns, clockCountsByMonth } from "./export-clock-columns";
import { COUNT_COLUMNS, emptyCounts, type MetricSet, metricSetOf } from "./metric-set";
import { lastTwelveMonths, MONTH_PATTERN, monthsOf, type Period } from "./period";

/** One exported row: flat, named in snake_case, as docs/metrics.md lists the columns. */
export type ExportRow = Record<string, string | number | null>;

const snake = (c: string) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
const rate = (n: number | null) => (n === null ? null : Math.round(n * 10_000) / 10_000);

function flatten(m: MetricSet): ExportRow {
  const row: ExportRow = {};
  for (const c of COUNT_COLUMNS) row[snake(c)] = m.counts[c];
  return {
    ...row,
    response_rate: rate(m.responseRate),
    on_time_rate: rate(m.onTimeRate),
    overdue_share: rate(m.overdueShare),
    answer_days_median: m.answerDays.median,
    answer_days_p90: m.answerDays.p90,
    overdue_days_median: m.overdueDays.median,
    overdue_days_p90: m.overdueDays.p90,
    extended_share: rate(m.extendedShare),
    clarified_share: rate(m.clarifiedShare),
    forwarded_share: rate(m.forwardedShare),
    ping_pong_share: rate(m.pingPongShare),
    resolved_share: rate(m.resolvedShare),
    partly_share: rate(m.partlyShare),
    not_resolved_share: rate(m.notResolvedShare),
    mean_quality: rate(m.meanQuality),
    heard_share: rate(m.heardShare),
    complaint_rate: rate(m.complaintRate),
    upheld_share: rate(m.upheldShare),
    formal_share: rate(m.formalShare),
  };
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
  return rows.map((r) => {
    const body = byId.get(r.key);
    const scope: ExportRow =
      o.by === "body"
        ? {
            month: r.month,
            body_code: body?.code ?? null,
            body_name_kk: body?.nameKk ?? null,
            body_name_ru: body?.nameRu ?? null,
            body_name_en: body?.nameEn ?? null,
            region: body?.region ?? null,
          }
        : { month: r.month, region: r.key };
    const clockOf = clock.get(`${r.key}|${r.month}`) ?? emptyClockCounts();
    return { ...scope, ...flatten(r.metrics), ...clockColumns(clockOf, r.metrics) };
  });
}

/** The export's columns in order, whether or not any row came back. */
export function exportColumns(by: "body" | "region"): string[] {
  const scope =
    by === "body"
      ? ["month", "body_code", "body_name_kk", "body_name_ru", "body_name_en", "region"]
      : ["month", "region"];
  const empty = metricSetOf(emptyCounts(), new Map(), new Map());
  return [...scope, ...Object.keys(flatten(empty)), ...clockColumnNames(empty)];
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF line ends. */
export function toCsv(rows: ExportRow[], columns: string[]): string {
  const field = (v: string | number | null) => {
    if (v === null) return "";
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [columns.join(","), ...rows.map((r) => columns.map((c) => field(r[c] ?? null)).join(","))]
    .map((line) => `${line}\r\n`)
    .join("");
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
