import { and, asc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealEvents, appeals, calendarDays, calendarYears, stateBodies } from "@/db/schema";
import { seedReferenceData } from "@/db/seed/reference";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import before from "@/test/fixtures/calendar-days-before-2026-constitution.json";
import { loadWorkingCalendar } from "../deadlines/load-calendar";
import { almatyDate, almatyEndOfDay, type CalendarDay } from "../deadlines/working-calendar";
import { calendarYear } from "./calendar-facts";
import { getCalendarYear } from "./get-calendar-year";
import { saveCalendarDay } from "./save-calendar-day";
import { syncCalendarFacts } from "./sync-calendar-facts";

// The upgrade of a database the previous version seeded: its calendar_days are the fixture (30 August a
// holiday every year, 31 August 2026 its carried day off, no 15 March), it had no calendar_years, and
// appeals were filed under that calendar. The service's start (seedReferenceData) must correct it.
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
    // Tue 2 Mar 2027: a term running across Mon 15 March, which becomes Constitution Day.
    const acrossMarch = await file("2027-03-02T05:00:00Z");
    const oldCal = await loadWorkingCalendar(db());
    expect(oldCal.isWorkingDay("2027-03-15")).toBe(true);

    const now = new Date("2026-08-20T05:00:00Z");
    await seedReferenceData(db(), { now });

    // The calendar: the seed's 30/31 August 2026 are gone, 15 March 2027 is there, the admin's day stays.
    const rows = await db().select().from(calendarDays);
    const on = (date: string) => rows.filter((r) => r.date === date);
    expect(on("2026-08-30")).toEqual([]);
    expect(on("2026-08-31")).toEqual([]);
    expect(on("2028-08-30")).toEqual([]);
    expect(on("2027-03-15").map((r) => [r.kind, r.name])).toEqual([["holiday", "Constitution Day"]]);
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

    // A day off is added in the term: the due day becomes the next working day after the old one.
    const newCal = await loadWorkingCalendar(db());
    expect(newCal.isWorkingDay("2027-03-15")).toBe(false);
    const march = await appealOf(acrossMarch.id);
    expect(almatyDate(march?.dueAt ?? new Date(0))).toBe(
      newCal.nextWorkingDay(almatyDate(acrossMarch.dueAt)),
    );
    expect((await eventsOf(acrossMarch.id)).map((e) => e.type)).toEqual(["registered", "deadline_corrected"]);

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
    const appeal = await file("2027-02-22T05:00:00Z");
    // The head extended the term to Mon 15 March 2027, a working day under the old calendar.
    await db()
      .update(appeals)
      .set({ dueAt: almatyEndOfDay("2027-03-15"), extendedAt: new Date("2027-03-01T05:00:00Z") })
      .where(eq(appeals.id, appeal.id));
    await syncCalendarFacts(db(), { now: new Date("2027-03-01T06:00:00Z") });
    expect((await appealOf(appeal.id))?.dueAt.toISOString()).toBe(almatyEndOfDay("2027-03-16").toISOString());
    const [event] = await db()
      .select()
      .from(appealEvents)
      .where(and(eq(appealEvents.appealId, appeal.id), eq(appealEvents.type, "deadline_corrected")));
    expect(event?.data).toMatchObject({ correctedDays: [{ date: "2027-03-15", working: false }] });
  });
});
