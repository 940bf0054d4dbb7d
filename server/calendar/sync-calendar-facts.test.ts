import { and, asc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealEvents, appeals, calendarDays, calendarYears, stateBodies } from "@/db/schema";
import { seedReferenceData } from "@/db/seed/reference";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { getTimeline } from "@/server/appeals/get-timeline";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import before from "@/test/fixtures/calendar-days-before-2026-constitution.json";
import { loadWorkingCalendar } from "../deadlines/load-calendar";
import {
  addCalendarDays,
  almatyDate,
  almatyEndOfDay,
  type CalendarDay,
  type IsoDate,
  isoWeekday,
  WorkingCalendar,
} from "../deadlines/working-calendar";
import { calendarDaysOfYears, calendarYear } from "./calendar-facts";
import { getCalendarYear } from "./get-calendar-year";
import { saveCalendarDay } from "./save-calendar-day";
import { syncCalendarFacts } from "./sync-calendar-facts";

// The upgrade of a database the previous version seeded: its calendar_days are the fixture (30 August a
// holiday every year, 31 August 2026 its carried day off, no 15 March), it had no calendar_years, and
// appeals were filed under that calendar. The service's start (seedReferenceData) must correct it.
// A weekday of a year still to come that the previous seed had as working and the facts make a day off
// (15 March 2027, Constitution Day, when this was written): found from the data, not written here.
const previous = new WorkingCalendar(before.rows as CalendarDay[]);
const corrected = new WorkingCalendar(calendarDaysOfYears(2024, 2030));
const newDayOff = (() => {
  for (let d: IsoDate = "2027-01-15"; d < "2030-12-01"; d = addCalendarDays(d, 1)) {
    if (isoWeekday(d) <= 5 && previous.isWorkingDay(d) && !corrected.isWorkingDay(d)) return d;
  }
  throw new Error("the facts add no day off after 2026");
})();
// 10:00 in Almaty, two weeks before: a 15-working-day term runs across it.
const twoWeeksBefore = (d: IsoDate) => `${addCalendarDays(d, -14)}T05:00:00Z`;

describe("upgrading a database seeded before the 2026 Constitution", () => {
  const db = useTestDatabase();

  async function seedAsPreviousVersion() {
    await db().delete(calendarDays).where(isNull(calendarDays.updatedBy));
    await db().delete(calendarYears);
    await db()
      .insert(calendarDays)
      .values(before.rows as CalendarDay[])
      .onConflictDoNothing();
  }

  async function file(at: string) {
    const citizen = await createActor(db(), "citizen");
    const [body] = await db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-almaty-city"));
    const { appeal } = await fileAppeal(db(), {
      kind: "application",
      bodyId: body?.id ?? "",
      category: "housing_utilities",
      region: "almaty_city",
      subject: "No hot water in our building",
      text: "Building 12 on Abai Avenue has had no hot water for two weeks; the utility does not answer.",
      publishConsent: false,
      locale: "en",
      authorId: citizen.id,
      now: new Date(at),
    });
    return appeal;
  }
  const appealOf = async (id: string) => (await db().select().from(appeals).where(eq(appeals.id, id)))[0];
  const eventsOf = (id: string) =>
    db().select().from(appealEvents).where(eq(appealEvents.appealId, id)).orderBy(asc(appealEvents.id));

  it("corrects the calendar, moves the due dates that crossed a corrected day, and says why", async () => {
    await seedAsPreviousVersion();
    const admin = await createActor(db(), "admin");
    // An admin's own entry on a date the seed file also had: the admin's word stays.
    await saveCalendarDay(db(), {
      date: "2029-08-30",
      kind: "holiday",
      name: "Kept by the admin",
      adminId: admin.id,
    });

    // Tue 18 Aug 2026, 10:00 in Almaty. Under the old calendar Mon 31 Aug was off: 19–21 (3), 24–28 (8),
    // 1–4 Sep (12), 7–9 Sep (15) → due Wed 9 Sep.
    const crossing = await file("2026-08-18T05:00:00Z");
    expect(almatyDate(crossing.dueAt)).toBe("2026-09-09");
    // Filed after 31 August: its term never crossed the corrected day.
    const after = await file("2026-09-02T05:00:00Z");
    // A term running across the day off the facts add.
    const acrossNewDayOff = await file(twoWeeksBefore(newDayOff));
    expect((await loadWorkingCalendar(db())).isWorkingDay(newDayOff)).toBe(true);

    const now = new Date("2026-08-20T05:00:00Z");
    await seedReferenceData(db(), { now });

    // The calendar: the seed's 30/31 August 2026 are gone, the new day off is there, the admin's day stays.
    const rows = await db().select().from(calendarDays);
    const on = (date: string) => rows.filter((r) => r.date === date);
    expect(on("2026-08-30")).toEqual([]);
    expect(on("2026-08-31")).toEqual([]);
    expect(on("2028-08-30")).toEqual([]);
    expect(on(newDayOff).map((r) => [r.date, r.kind, r.name])).toEqual(
      calendarYear(Number(newDayOff.slice(0, 4)))
        .days.filter((d) => d.date === newDayOff)
        .map((d) => [d.date, d.kind, d.name]),
    );
    expect(on("2029-08-30").map((r) => [r.name, r.updatedBy])).toEqual([["Kept by the admin", admin.id]]);
    // Every stored seed day matches the sourced facts of its year.
    for (const year of [2024, 2025, 2026, 2027]) {
      const seeded = rows
        .filter((r) => r.date.startsWith(`${year}-`) && r.updatedBy === null)
        .map((r) => `${r.date} ${r.kind}`)
        .sort();
      expect(seeded).toEqual(
        calendarYear(year)
          .days.map((d) => `${d.date} ${d.kind}`)
          .sort(),
      );
    }
    const years = await db().select().from(calendarYears).orderBy(asc(calendarYears.year));
    for (const y of years) {
      expect(y.status).toBe(calendarYear(y.year).status);
      expect(y.sources).toEqual(calendarYear(y.year).sources);
    }
    expect(years.find((y) => y.year === 2026)?.status).toBe("confirmed");
    expect(years.find((y) => y.year === 2027)?.status).toBe("provisional");
    // What the admin page shows: the status and sources of a year, and nothing for a year outside the data.
    expect(await getCalendarYear(db(), { year: 2026 })).toEqual({
      year: 2026,
      status: "confirmed",
      sources: calendarYear(2026).sources,
    });
    expect((await getCalendarYear(db(), { year: 2028 })).status).toBe("provisional");
    expect(await getCalendarYear(db(), { year: 2045 })).toEqual({ year: 2045, status: null, sources: [] });

    // 31 Aug is worked now: 24–28 (8), 31 (9), 1–4 Sep (13), 7–8 Sep (15) → due Tue 8 Sep.
    expect((await appealOf(crossing.id))?.dueAt.toISOString()).toBe(
      almatyEndOfDay("2026-09-08").toISOString(),
    );
    const crossingEvents = await eventsOf(crossing.id);
    expect(crossingEvents.map((e) => e.type)).toEqual(["registered", "deadline_corrected"]);
    const moved = crossingEvents[1];
    expect(moved?.actorRole).toBe("system");
    expect(moved?.occurredAt.toISOString()).toBe(now.toISOString());
    expect(moved?.data).toMatchObject({
      cause: "calendar_corrected",
      previousDueAt: almatyEndOfDay("2026-09-09").toISOString(),
      dueAt: almatyEndOfDay("2026-09-08").toISOString(),
      correctedDays: [{ date: "2026-08-31", working: true }],
    });
    expect(moved?.data.sources).toEqual(calendarYear(2026).sources.map((s) => s.url));
    // The applicant and the body read it in the history: the new and the previous due date.
    const entry = (await getTimeline(db(), crossing.id)).find((e) => e.type === "deadline_corrected");
    expect([entry?.dueAt?.toISOString(), entry?.previousDueAt?.toISOString(), entry?.reason]).toEqual([
      almatyEndOfDay("2026-09-08").toISOString(),
      almatyEndOfDay("2026-09-09").toISOString(),
      null,
    ]);

    // A day off is added in the term: the due day becomes the next working day after the old one.
    const newCal = await loadWorkingCalendar(db());
    expect(newCal.isWorkingDay(newDayOff)).toBe(false);
    const moved2 = await appealOf(acrossNewDayOff.id);
    expect(almatyDate(moved2?.dueAt ?? new Date(0))).toBe(
      newCal.nextWorkingDay(almatyDate(acrossNewDayOff.dueAt)),
    );
    expect((await eventsOf(acrossNewDayOff.id)).map((e) => e.type)).toEqual([
      "registered",
      "deadline_corrected",
    ]);

    // Untouched: a term that started after the corrected day.
    expect((await appealOf(after.id))?.dueAt.toISOString()).toBe(after.dueAt.toISOString());
    expect((await eventsOf(after.id)).map((e) => e.type)).toEqual(["registered"]);

    // A second start changes nothing and records nothing.
    const again = await syncCalendarFacts(db(), { now });
    expect(again).toEqual({ correctedDates: [], movedAppeals: [] });
    expect(await eventsOf(crossing.id)).toHaveLength(2);
  });

  it("moves an extended term only off a day that stopped being a working day", async () => {
    await seedAsPreviousVersion();
    const appeal = await file(twoWeeksBefore(newDayOff));
    // The head extended the term to end on the new day off, a working day under the old calendar.
    await db()
      .update(appeals)
      .set({ dueAt: almatyEndOfDay(newDayOff), extendedAt: new Date(twoWeeksBefore(newDayOff)) })
      .where(eq(appeals.id, appeal.id));
    await syncCalendarFacts(db(), { now: new Date(twoWeeksBefore(newDayOff)) });
    expect((await appealOf(appeal.id))?.dueAt.toISOString()).toBe(
      almatyEndOfDay(corrected.workingDayOnOrAfter(newDayOff)).toISOString(),
    );
    const [event] = await db()
      .select()
      .from(appealEvents)
      .where(and(eq(appealEvents.appealId, appeal.id), eq(appealEvents.type, "deadline_corrected")));
    expect(event?.data).toMatchObject({ correctedDays: [{ date: newDayOff, working: false }] });
  });
});
