import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { metricsWorkingDays } from "@/db/schema";
import { loadWorkingCalendar } from "../deadlines/load-calendar";
import { addCalendarDays, type IsoDate } from "../deadlines/working-calendar";

// The years the dashboards can count working days in; a date outside has no ordinal and no day count.
const FIRST_DAY: IsoDate = "2020-01-01";
const LAST_DAY: IsoDate = "2035-12-31";
const CHUNK = 1000;

/** A fingerprint of the admin's calendar: when it changes, every working-day count is recounted. */
export async function calendarVersion(db: Db): Promise<string> {
  const [row] = await db.execute<{ version: string }>(sql`
    select md5(coalesce(string_agg(date::text || kind::text, ',' order by date), '')) as version
    from calendar_days`);
  return row?.version ?? "";
}

/**
 * Writes, for every date of the range, how many working days WorkingCalendar counts from FIRST_DAY up to
 * it: ordinal(b) − ordinal(a) is then workingDaysBetween(a, b), so SQL can count working days with two
 * lookups instead of walking the calendar for each appeal.
 */
export async function rebuildWorkingDayIndex(db: Db): Promise<void> {
  const cal = await loadWorkingCalendar(db);
  const rows: { date: IsoDate; ordinal: number }[] = [];
  let ordinal = 0;
  for (let d = FIRST_DAY; d <= LAST_DAY; d = addCalendarDays(d, 1)) {
    if (d !== FIRST_DAY && cal.isWorkingDay(d)) ordinal++;
    rows.push({ date: d, ordinal });
  }
  await db.delete(metricsWorkingDays);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insert(metricsWorkingDays).values(rows.slice(i, i + CHUNK));
  }
}
