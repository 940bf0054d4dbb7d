import type { Db } from "@/db/client";
import { CLOCK_COLUMNS, type ClockCounts, clockCounts, emptyClockCounts } from "./clock-figures";
import type { ExportRow } from "./export-metrics";
import type { MetricSet } from "./metric-set";
import type { Period } from "./period";

const snake = (c: string) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

/**
 * The clock and honest-statistics columns of one export row (docs/metrics.md, Open data): counts that
 * add up across rows, and shares each over its own denominator. Medians need the histograms and are on the
 * pages, not here, like the other percentiles.
 */
export function clockColumns(c: ClockCounts, m: MetricSet): ExportRow {
  const k = m.counts;
  const row: ExportRow = {};
  for (const col of CLOCK_COLUMNS) row[snake(col)] = c[col];
  return {
    ...row,
    on_time_original_rate: rate(c.onTimeOriginal, k.due),
    on_time_counting_forwards_rate: rate(k.onTime, k.due + c.forwardsAfterDue),
    forwards_late_share: rate(c.forwardsLate, c.forwardedAway),
    upheld_of_decided_share: rate(k.complaintUpheld, c.complaintDecided),
    complaints_pending: Math.max(0, k.complained - c.complaintDecided),
    heard_of_answered_share: rate(k.heard, k.answered),
    not_yet_due: k.received - k.due,
    provisional: k.received > k.due ? 1 : 0,
  };
}

/** Clock counts keyed as metricsByMonth keys its rows: "<body id or region>|YYYY-MM". */
export const clockCountsByMonth = (db: Db, o: { period: Period; by: "body" | "region" }) =>
  clockCounts(db, { scope: {}, period: o.period, by: o.by === "body" ? "bodyMonth" : "regionMonth" });

export const clockColumnNames = (m: MetricSet) => Object.keys(clockColumns(emptyClockCounts(), m));
