import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importedRegisters } from "@/db/schema";
import { calendarOfYears, type YearOfCalendar } from "../../calendar/calendar-of-years";
import { addCalendarDays } from "../../deadlines/working-calendar";

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

export type RegisterFigures = {
  source: string;
  timeZone: string;
  /** ISO 8601: when the register was last imported. */
  importedAt: string;
  /** The register's first filing day and last day filed or closed, in its own calendar; null when empty. */
  firstDay: string | null;
  lastDay: string | null;
  all: RegisterFigure;
  byAgency: RegisterFigure[];
  byServiceType: RegisterFigure[];
  /** Every year the register spans, with where its working-day calendar came from. */
  calendarYears: YearOfCalendar[];
  /** The years whose working days were counted on a provisional calendar. */
  provisionalYears: number[];
};

const round = (n: number | null, digits: number) =>
  n === null ? null : Math.round(Number(n) * 10 ** digits) / 10 ** digits;

/** A fingerprint of the calendar the working days were counted on: when it changes, they are recounted. */
async function calendarFingerprint(db: Db): Promise<string> {
  const [row] = await db.execute<{ version: string }>(sql`
    select md5(
      coalesce((select string_agg(date::text || kind::text, ',' order by date) from calendar_days), '') || '|' ||
      coalesce((select string_agg(year::text || status::text, ',' order by year) from calendar_years), '')
    ) as version`);
  return row?.version ?? "";
}

/** The imported registers, by name: what the open-data page lists. */
export async function listRegisters(db: Db) {
  return db
    .select({
      source: importedRegisters.source,
      timeZone: importedRegisters.timeZone,
      importedAt: importedRegisters.importedAt,
    })
    .from(importedRegisters)
    .orderBy(asc(importedRegisters.source));
}

/**
 * The figures of an imported register, overall, per agency and per service type: how many, the share
 * closed, and the time to close of the closed ones in hours (the honest common measure across countries
 * and calendars) and in Kazakhstan working days, counted between the register's own calendar days of
 * filing and closing on Kazakhstan's calendar of every year the register spans (calendar-of-years.ts:
 * a year the service does not keep is computed from the rules and listed as provisional). Only imported
 * rows of `source`: Tyndau's own appeals are never in them. Null for a register never imported.
 *
 * Kept with the register once computed, so a public page does not scan a million rows per visit; an
 * import or a change of the calendar makes them be counted again.
 */
export async function registerFigures(db: Db, o: { source: string }): Promise<RegisterFigures | null> {
  const [register] = await db.select().from(importedRegisters).where(eq(importedRegisters.source, o.source));
  if (!register) return null;
  const fingerprint = await calendarFingerprint(db);
  if (register.figures && register.figuresCalendar === fingerprint)
    return register.figures as RegisterFigures;
  const figures = await computeRegisterFigures(db, {
    source: register.source,
    timeZone: register.timeZone,
    importedAt: register.importedAt,
  });
  // Only over the figures of the same import: one that started meanwhile has cleared them, and its rows
  // are not all counted here.
  await db
    .update(importedRegisters)
    .set({ figures, figuresCalendar: fingerprint })
    .where(
      and(
        eq(importedRegisters.source, register.source),
        eq(importedRegisters.importedAt, register.importedAt),
      ),
    );
  return figures;
}

async function computeRegisterFigures(
  db: Db,
  o: { source: string; timeZone: string; importedAt: Date },
): Promise<RegisterFigures> {
  const [span] = await db.execute<{ first: string | null; last: string | null }>(sql`
    select min(filed_on)::text as first, max(coalesce(closed_on, filed_on))::text as last
    from imported_appeals where source = ${o.source}`);
  const first = span?.first ?? null;
  const last = span?.last ?? null;
  const fromYear = Number((first ?? "2000").slice(0, 4));
  const toYear = Number((last ?? "2000").slice(0, 4));
  const { calendar, years } = first
    ? await calendarOfYears(db, { fromYear, toYear })
    : { calendar: null, years: [] };
  // ordinal[d] − ordinal[f] is the number of working days in (f, d]: two lookups per appeal in SQL
  // instead of walking the calendar for each. The array covers every day of the years spanned.
  const start = `${fromYear}-01-01`;
  const ordinals: number[] = [];
  if (calendar) {
    let n = 0;
    for (let d = start; d <= `${toYear}-12-31`; d = addCalendarDays(d, 1)) {
      if (d !== start && calendar.isWorkingDay(d)) n++;
      ordinals.push(n);
    }
  }
  const rows = await db.execute<{
    by_agency: number;
    by_type: number;
    agency: string | null;
    service_type: string | null;
    count: number;
    closed: number;
    hours_median: number | null;
    hours_p90: number | null;
    days_median: number | null;
    days_p90: number | null;
  }>(sql`
    with cal as (select ${`{${ordinals.join(",")}}`}::int[] as o, ${start}::date as start),
    closing as (
      select i.agency, coalesce(i.service_type, '') as service_type, i.closed_at,
        extract(epoch from i.closed_at - i.filed_at) / 3600 as hours,
        cal.o[i.closed_on - cal.start + 1] - cal.o[i.filed_on - cal.start + 1] as days
      from imported_appeals i cross join cal
      where i.source = ${o.source})
    select 1 - grouping(agency) as by_agency, 1 - grouping(service_type) as by_type,
      agency, service_type,
      count(*)::int as count,
      count(closed_at)::int as closed,
      percentile_cont(0.5) within group (order by hours) as hours_median,
      percentile_cont(0.9) within group (order by hours) as hours_p90,
      percentile_cont(0.5) within group (order by days) as days_median,
      percentile_cont(0.9) within group (order by days) as days_p90
    from closing
    group by grouping sets ((agency), (service_type), ())
    order by 1, 2, 3, 4`);
  const figure = (key: string, r: (typeof rows)[number] | undefined): RegisterFigure => ({
    key,
    count: r?.count ?? 0,
    closed: r?.closed ?? 0,
    closedShare: r?.count ? round(r.closed / r.count, 4) : null,
    hoursMedian: round(r?.hours_median ?? null, 2),
    hoursP90: round(r?.hours_p90 ?? null, 2),
    workingDaysMedian: round(r?.days_median ?? null, 1),
    workingDaysP90: round(r?.days_p90 ?? null, 1),
  });
  return {
    source: o.source,
    timeZone: o.timeZone,
    importedAt: o.importedAt.toISOString(),
    firstDay: first,
    lastDay: last,
    all: figure(
      "",
      rows.find((r) => !r.by_agency && !r.by_type),
    ),
    byAgency: rows.filter((r) => r.by_agency).map((r) => figure(r.agency ?? "", r)),
    byServiceType: rows.filter((r) => r.by_type).map((r) => figure(r.service_type ?? "", r)),
    calendarYears: years,
    provisionalYears: years.filter((y) => y.status === "provisional").map((y) => y.year),
  };
}
