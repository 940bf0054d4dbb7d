import type { Db } from "@/db/client";
import { CLOCK_COLUMNS, clockCounts } from "./clock-figures";
import type { ExportField } from "./export-metrics";
import { shareOf } from "./export-rate";
import type { Period } from "./period";
import { snakeCase } from "./snake-case";

/**
 * The clock and honest-statistics columns of an export row (docs/metrics.md, Open data): counts that
 * add up across rows, and shares each over its own denominator. Medians need the histograms and are on the
 * pages, not here, like the other percentiles.
 */
export const CLOCK_FIELDS: ExportField[] = [
  ...CLOCK_COLUMNS.map((col): ExportField => [snakeCase(col), (r) => r.clock[col]]),
  ["on_time_original_rate", (r) => shareOf(r.clock.onTimeOriginal, r.metrics.counts.due)],
  [
    "on_time_counting_forwards_rate",
    (r) => shareOf(r.metrics.counts.onTime, r.metrics.counts.due + r.clock.forwardsAfterDue),
  ],
  ["forwards_late_share", (r) => shareOf(r.clock.forwardsLate, r.clock.forwardedAway)],
  ["upheld_of_decided_share", (r) => shareOf(r.metrics.counts.complaintUpheld, r.clock.complaintDecided)],
  ["complaints_pending", (r) => Math.max(0, r.metrics.counts.complained - r.clock.complaintDecided)],
  ["heard_of_answered_share", (r) => shareOf(r.metrics.counts.heard, r.metrics.counts.answered)],
  ["not_yet_due", (r) => r.metrics.counts.received - r.metrics.counts.due],
  ["provisional", (r) => (r.metrics.counts.received > r.metrics.counts.due ? 1 : 0)],
];

/** Clock counts keyed as metricsByMonth keys its rows: "<body id or region>|YYYY-MM". */
export const clockCountsByMonth = (db: Db, o: { period: Period; by: "body" | "region" }) =>
  clockCounts(db, { scope: {}, period: o.period, by: o.by === "body" ? "bodyMonth" : "regionMonth" });
