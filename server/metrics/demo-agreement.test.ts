import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed/demo";
import { useTestDatabase } from "@/test/database";
import {
  categoryBreakdown,
  categoryBreakdownDirect,
  leagueTable,
  leagueTableDirect,
  metricsByMonth,
  metricsByMonthDirect,
  regionMap,
  regionMapDirect,
  republicMetrics,
  republicMetricsDirect,
} from "./dashboard-queries";
import { addMonths, monthOf } from "./period";
import { refreshMetrics } from "./refresh-metrics";

describe("the summary tables on the demo data", () => {
  const db = useTestDatabase();

  it("agree with the straightforward GROUP BY over every appeal, metric by metric", async () => {
    await seedDemoData(db(), { appeals: 150 });
    const now = new Date();
    await refreshMetrics(db(), now);
    const period = { from: addMonths(monthOf(now), -15), to: monthOf(now) };
    const republic = await republicMetrics(db(), period);
    // The demo has every kind of event: the comparison means something only if the figures are not zero.
    for (const c of [
      "received",
      "answered",
      "overdue",
      "forwarded",
      "extended",
      "rated",
      "complained",
    ] as const) {
      expect(republic.counts[c], c).toBeGreaterThan(0);
    }
    expect(await republicMetricsDirect(db(), period, { now })).toEqual(republic);
    expect(await leagueTableDirect(db(), { period, sort: "responseRate", now })).toEqual(
      await leagueTable(db(), { period, sort: "responseRate" }),
    );
    expect(await regionMapDirect(db(), { period, metric: "medianDays", now })).toEqual(
      await regionMap(db(), { period, metric: "medianDays" }),
    );
    expect(await categoryBreakdownDirect(db(), { period, now })).toEqual(
      await categoryBreakdown(db(), { period }),
    );
    expect(await metricsByMonthDirect(db(), { period, by: "body", now })).toEqual(
      await metricsByMonth(db(), { period, by: "body" }),
    );
  }, 240_000);
});
