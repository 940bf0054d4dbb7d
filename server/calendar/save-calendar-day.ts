import type { Db } from "@/db/client";
import { calendarDays } from "@/db/schema";
import type { CalendarDayKind, IsoDate } from "../deadlines/working-calendar";
import { isIsoDate, isoWeekday } from "../deadlines/working-calendar";
import { DomainError } from "../errors";
import { FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR } from "./calendar-years";

/**
 * Adds a day to the working calendar or changes the one on that date. Deadlines already set are not
 * recomputed: each was fixed when its step happened, under the calendar of that day; the change counts
 * for every deadline computed from now on.
 *
 * A worked day only makes sense on a Saturday or Sunday, and a moved day off only on a weekday (Labour
 * Code, Art. 85): anything else would change nothing, and is refused as a likely mistake. A holiday may
 * fall on any day, as the Law "On holidays" fixes it by date.
 */
export async function saveCalendarDay(
  db: Db,
  o: { date: IsoDate; kind: CalendarDayKind; name: string; adminId: string; now?: Date },
) {
  if (!isIsoDate(o.date)) throw new DomainError("BAD_CALENDAR_DAY");
  const year = Number(o.date.slice(0, 4));
  if (year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR) throw new DomainError("BAD_CALENDAR_DAY");
  const weekend = isoWeekday(o.date) >= 6;
  if ((o.kind === "working_day" && !weekend) || (o.kind === "day_off" && weekend)) {
    throw new DomainError("BAD_CALENDAR_DAY");
  }
  const values = { kind: o.kind, name: o.name, updatedBy: o.adminId, updatedAt: o.now ?? new Date() };
  const [saved] = await db
    .insert(calendarDays)
    .values({ date: o.date, ...values })
    .onConflictDoUpdate({ target: calendarDays.date, set: values })
    .returning();
  return saved;
}
