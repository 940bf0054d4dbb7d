import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { metricsWorkingDays } from "@/db/schema";
import { rebuildWorkingDayIndex } from "../../metrics/working-day-index";

export type RegisterFigure = {
  key: string;
  count: number;
  closed: number;
  closedShare: number | null;
  hoursMedian: number | null;
  hoursP90: number | null;
  workingDaysMedian: number | null;
  workingDaysP90: number | null;
};

const round = (n: number | null, digits: number) =>
  n === null ? null : Math.round(Number(n) * 10 ** digits) / 10 ** digits;

/**
 * The figures of an imported register, per agency or per service type: how many, the share closed, and
 * the time to close of the closed ones, in hours (the honest common measure across countries and
 * calendars) and in Kazakhstan working days (the working-day index of the metrics, from the admin's
 * calendar; days counted in Almaty, a day outside the index's years has no count). Only imported rows of
 * `source`: Tyndau's own appeals are never in them.
 */
export async function registerFigures(
  db: Db,
  o: { source: string; by: "agency" | "serviceType" },
): Promise<RegisterFigure[]> {
  const [indexed] = await db.select({ n: sql<number>`count(*)::int` }).from(metricsWorkingDays);
  if (!indexed?.n) await rebuildWorkingDayIndex(db);
  const key = o.by === "agency" ? sql`i.agency` : sql`coalesce(i.service_type, '')`;
  const rows = await db.execute<{
    key: string;
    count: number;
    closed: number;
    hours_median: number | null;
    hours_p90: number | null;
    days_median: number | null;
    days_p90: number | null;
  }>(sql`
    select ${key} as key,
      count(*)::int as count,
      count(i.closed_at)::int as closed,
      percentile_cont(0.5) within group (order by extract(epoch from i.closed_at - i.filed_at) / 3600)
        filter (where i.closed_at is not null) as hours_median,
      percentile_cont(0.9) within group (order by extract(epoch from i.closed_at - i.filed_at) / 3600)
        filter (where i.closed_at is not null) as hours_p90,
      percentile_cont(0.5) within group (order by c.ordinal - f.ordinal)
        filter (where c.ordinal is not null and f.ordinal is not null) as days_median,
      percentile_cont(0.9) within group (order by c.ordinal - f.ordinal)
        filter (where c.ordinal is not null and f.ordinal is not null) as days_p90
    from imported_appeals i
    left join metrics_working_days f on f.date = (i.filed_at at time zone 'Asia/Almaty')::date
    left join metrics_working_days c on c.date = (i.closed_at at time zone 'Asia/Almaty')::date
    where i.source = ${o.source}
    group by 1
    order by 1`);
  return rows.map((r) => ({
    key: r.key,
    count: r.count,
    closed: r.closed,
    closedShare: r.count > 0 ? round(r.closed / r.count, 4) : null,
    hoursMedian: round(r.hours_median, 2),
    hoursP90: round(r.hours_p90, 2),
    workingDaysMedian: round(r.days_median, 1),
    workingDaysP90: round(r.days_p90, 1),
  }));
}
