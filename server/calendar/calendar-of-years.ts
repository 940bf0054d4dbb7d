import { and, gte, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarDays, calendarYears } from "@/db/schema";
import { type CalendarDay, WorkingCalendar } from "../deadlines/working-calendar";
import { type CalendarYearStatus, calendarYear } from "./calendar-facts";

export type YearOfCalendar = {
  year: number;
  status: CalendarYearStatus;
  /** "stored": the calendar the service keeps (seeded, sourced, admin's edits); "rules": computed now. */
  from: "stored" | "rules";
};

/**
 * Kazakhstan's working-day calendar over any span of years, never silently empty. A year the service
 * keeps (a row of calendar_years: seeded from the sourced facts, corrected by admins) is taken as stored,
 * with its status. A year it does not keep is computed from the rules (the Law "On holidays", Labour Code
 * Art. 85, the year's facts where db/seed/data has them), under the admin's own entries for that year,
 * and is provisional unless those facts are confirmed; each year says which it was.
 */
export async function calendarOfYears(
  db: Db,
  o: { fromYear: number; toYear: number },
): Promise<{ calendar: WorkingCalendar; years: YearOfCalendar[] }> {
  const [stored, entered] = await Promise.all([
    db
      .select()
      .from(calendarYears)
      .where(and(gte(calendarYears.year, o.fromYear), lte(calendarYears.year, o.toYear))),
    db
      .select()
      .from(calendarDays)
      .where(and(gte(calendarDays.date, `${o.fromYear}-01-01`), lte(calendarDays.date, `${o.toYear}-12-31`))),
  ]);
  const statusOf = new Map(stored.map((y) => [y.year, y.status]));
  const days: CalendarDay[] = [...entered];
  const years: YearOfCalendar[] = [];
  for (let year = o.fromYear; year <= o.toYear; year++) {
    const status = statusOf.get(year);
    if (status) {
      years.push({ year, status, from: "stored" });
      continue;
    }
    const computed = calendarYear(year);
    const enteredOn = new Set(entered.filter((d) => d.date.startsWith(`${year}-`)).map((d) => d.date));
    days.push(...computed.days.filter((d) => !enteredOn.has(d.date)));
    years.push({ year, status: computed.status, from: "rules" });
  }
  return { calendar: new WorkingCalendar(days), years };
}
