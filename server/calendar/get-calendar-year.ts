import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { calendarYears } from "@/db/schema";
import { CalendarSource, type CalendarYearStatus } from "./calendar-facts";

/**
 * Where a year's calendar comes from, for the admin: confirmed against the cited sources, provisional
 * (computed from the rules, to be checked when the ministry and DUMK publish the year), or null when the
 * sourced data does not cover the year and only days an admin entered count.
 */
export async function getCalendarYear(
  db: Db,
  o: { year: number },
): Promise<{ year: number; status: CalendarYearStatus | null; sources: CalendarSource[] }> {
  const [row] = await db.select().from(calendarYears).where(eq(calendarYears.year, o.year));
  const sources = z.array(CalendarSource).safeParse(row?.sources ?? []);
  return { year: o.year, status: row?.status ?? null, sources: sources.success ? sources.data : [] };
}
