import { and, asc, eq, gte, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals, calendarDays, calendarYears } from "@/db/schema";
import { type Appeal, applyAction, canTake } from "../appeals/lifecycle";
import { loadWorkingCalendar } from "../deadlines/load-calendar";
import { almatyDate, almatyEndOfDay, almatyStartOfDay, type IsoDate } from "../deadlines/working-calendar";
import { CALENDAR_FACTS, calendarYear, SEEDED_FIRST_YEAR, SEEDED_LAST_YEAR } from "./calendar-facts";

export type CalendarSyncResult = {
  /** Dates whose working / non-working status changed. */
  correctedDates: IsoDate[];
  /** Open appeals whose due date moved, with the old and new due dates. */
  movedAppeals: { id: string; from: Date; to: Date }[];
};

/**
 * Brings the stored calendar in line with the sourced facts, on every start, and moves the deadlines that
 * depended on a corrected day. A new database gets the whole calendar; an existing one is corrected: a day
 * the seed wrote and the facts no longer hold is removed (30 August 2026), a day the facts add is
 * inserted (15 March 2027). A day an admin entered or changed (updatedBy set) is left exactly as it is:
 * the admin's word is newer than the seed file.
 *
 * Then every open appeal whose running term crossed a day that changed between working and non-working
 * gets its due date recomputed under the corrected calendar, with a "deadline_corrected" event that says
 * why, in the same transaction. A term in working days keeps its number of working days from the day it
 * started (registration or the forward's re-registration, plus any days the clock stood still); an
 * extended term, whose end the head chose as a date, only moves off a day that is no longer working.
 */
export async function syncCalendarFacts(db: Db, o: { now?: Date } = {}): Promise<CalendarSyncResult> {
  const now = o.now ?? new Date();
  return db.transaction(async (tx) => {
    // One writer at a time: two app processes starting together would otherwise both insert.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tyndau:calendar-sync'))`);
    const before = await loadWorkingCalendar(tx);

    const years = new Set<number>(CALENDAR_FACTS.map((f) => f.year));
    for (let y = SEEDED_FIRST_YEAR; y <= SEEDED_LAST_YEAR; y++) years.add(y);
    const touched = new Set<IsoDate>();
    for (const year of [...years].sort((a, b) => a - b)) {
      const wanted = calendarYear(year);
      const stored = await tx
        .select()
        .from(calendarDays)
        .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)));
      const storedByDate = new Map(stored.map((d) => [d.date, d]));
      const wantedByDate = new Map(wanted.days.map((d) => [d.date, d]));
      for (const row of stored) {
        if (row.updatedBy === null && !wantedByDate.has(row.date)) {
          await tx.delete(calendarDays).where(eq(calendarDays.date, row.date));
          touched.add(row.date);
        }
      }
      for (const day of wanted.days) {
        const row = storedByDate.get(day.date);
        if (!row) {
          await tx.insert(calendarDays).values(day);
          touched.add(day.date);
        } else if (row.updatedBy === null && (row.kind !== day.kind || row.name !== day.name)) {
          await tx
            .update(calendarDays)
            .set({ kind: day.kind, name: day.name, updatedAt: now })
            .where(eq(calendarDays.date, day.date));
          touched.add(day.date);
        }
      }
      await tx
        .insert(calendarYears)
        .values({ year, status: wanted.status, sources: wanted.sources, updatedAt: now })
        .onConflictDoUpdate({
          target: calendarYears.year,
          set: { status: wanted.status, sources: wanted.sources, updatedAt: now },
          // Rewritten only when something differs, so the stamp says when the facts last changed.
          setWhere: sql`(${calendarYears.status}, ${calendarYears.sources}) is distinct from (excluded.status, excluded.sources)`,
        });
    }

    const after = await loadWorkingCalendar(tx);
    const correctedDates = [...touched]
      .filter((d) => before.isWorkingDay(d) !== after.isWorkingDay(d))
      .sort();
    if (correctedDates.length === 0) return { correctedDates, movedAppeals: [] };

    // Only a term running across a corrected day can move: it started before that day and had not ended
    // before it. The status predicate is the one of the partial index appeals_open_due_idx.
    const candidates = await tx
      .select()
      .from(appeals)
      .where(
        and(
          sql`${appeals.status} not in ('answered', 'closed')`,
          or(
            ...correctedDates.map((d) =>
              and(lt(appeals.registeredOn, d), gte(appeals.dueAt, almatyStartOfDay(d))),
            ),
          ),
        ),
      )
      .orderBy(asc(appeals.id))
      .for("update");

    const movedAppeals: CalendarSyncResult["movedAppeals"] = [];
    for (const appeal of candidates) {
      if (!canTake("correct_deadline", appeal.status)) continue;
      const to = correctedDueAt(appeal, before, after);
      if (to.getTime() === appeal.dueAt.getTime()) continue;
      const oldDay = almatyDate(appeal.dueAt);
      const newDay = almatyDate(to);
      const end = [oldDay, newDay].sort()[1] ?? oldDay;
      const span = (d: IsoDate) => d > appeal.registeredOn && d <= end;
      await applyAction(tx, {
        appeal,
        action: "correct_deadline",
        actor: null,
        at: now,
        set: {
          dueAt: to,
          // A silence already marked as a refusal is unmarked when the corrected term is still running;
          // the deadline_missed event stays in the history.
          ...(appeal.overdueAt && to.getTime() > now.getTime() ? { overdueAt: null } : {}),
        },
        data: {
          previousDueAt: appeal.dueAt.toISOString(),
          dueAt: to.toISOString(),
          cause: "calendar_corrected",
          correctedDays: correctedDates.filter(span).map((date) => ({
            date,
            working: after.isWorkingDay(date),
          })),
          sources: [...new Set(correctedDates.filter(span).map((d) => Number(d.slice(0, 4))))].flatMap((y) =>
            calendarYear(y).sources.map((s) => s.url),
          ),
        },
      });
      movedAppeals.push({ id: appeal.id, from: appeal.dueAt, to });
    }
    return { correctedDates, movedAppeals };
  });
}

function correctedDueAt(
  appeal: Appeal,
  before: Awaited<ReturnType<typeof loadWorkingCalendar>>,
  after: Awaited<ReturnType<typeof loadWorkingCalendar>>,
): Date {
  const dueDay = almatyDate(appeal.dueAt);
  if (appeal.extendedAt) return almatyEndOfDay(after.workingDayOnOrAfter(dueDay));
  const workingDays = before.workingDaysBetween(appeal.registeredOn, dueDay);
  return almatyEndOfDay(after.addWorkingDays(appeal.registeredOn, workingDays));
}
