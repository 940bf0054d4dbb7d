import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarDays } from "@/db/schema";
import type { IsoDate } from "../deadlines/working-calendar";
import { DomainError } from "../errors";

/** Removes a day from the calendar: the date becomes an ordinary weekday or weekend day again. */
export async function deleteCalendarDay(db: Db, o: { date: IsoDate }) {
  const deleted = await db
    .delete(calendarDays)
    .where(eq(calendarDays.date, o.date))
    .returning({ date: calendarDays.date });
  if (deleted.length === 0) throw new DomainError("NOT_FOUND");
  return { date: o.date };
}
