import { and, asc, gte, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarDays } from "@/db/schema";

/** The holidays, moved days off and worked weekend days of one year, in date order. */
export async function listCalendarDays(db: Db, o: { year: number }) {
  return db
    .select({
      date: calendarDays.date,
      kind: calendarDays.kind,
      name: calendarDays.name,
      updatedAt: calendarDays.updatedAt,
    })
    .from(calendarDays)
    .where(and(gte(calendarDays.date, `${o.year}-01-01`), lte(calendarDays.date, `${o.year}-12-31`)))
    .orderBy(asc(calendarDays.date));
}
