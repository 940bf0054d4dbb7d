import { describe, expect, it } from "vitest";
import { computeCalendarYear, FIXED_HOLIDAYS, isFixedHolidayInForce } from "./kazakhstan-holidays";
import { addCalendarDays, type IsoDate, isoWeekday, WorkingCalendar } from "./working-calendar";

// The rules alone, fed with inputs made up here: no holiday date a decree or an announcement can change
// is written into these tests. The published years are checked against the rules in
// server/calendar/calendar-facts.test.ts.

const YEARS = Array.from({ length: 16 }, (_, i) => 2020 + i);
const pad = (n: number) => String(n).padStart(2, "0");
const weekend = (d: IsoDate) => isoWeekday(d) >= 6;

/** The first date of `year` (from 1 June) with the given ISO weekday. */
function firstWeekday(year: number, weekday: number): IsoDate {
  let d = `${year}-06-01`;
  while (isoWeekday(d) !== weekday) d = addCalendarDays(d, 1);
  return d;
}

describe("the Law's fixed holidays", () => {
  it.each(YEARS)("%i: every holiday in force that year is listed and is not a working day", (year) => {
    const days = computeCalendarYear(year);
    const cal = new WorkingCalendar(days);
    const inForce = FIXED_HOLIDAYS.filter((h) => isFixedHolidayInForce(h, year));
    for (const h of inForce) {
      const date = `${year}-${pad(h.month)}-${pad(h.day)}`;
      expect(days).toContainEqual({ date, kind: "holiday", name: h.name });
      expect(cal.isWorkingDay(date), date).toBe(false);
    }
    expect(days.filter((d) => d.kind === "holiday")).toHaveLength(inForce.length);
  });

  it("never has two holidays with the same name or date in force in one year", () => {
    for (const year of YEARS) {
      const inForce = FIXED_HOLIDAYS.filter((h) => isFixedHolidayInForce(h, year));
      expect(new Set(inForce.map((h) => h.name)).size, String(year)).toBe(inForce.length);
      expect(new Set(inForce.map((h) => `${h.month}-${h.day}`)).size, String(year)).toBe(inForce.length);
    }
  });

  it("bounds each holiday's years consistently", () => {
    for (const h of FIXED_HOLIDAYS) {
      if (h.fromYear !== undefined && h.untilYear !== undefined)
        expect(h.fromYear).toBeLessThanOrEqual(h.untilYear);
    }
  });
});

describe("holidays on a weekend (Labour Code, Art. 85)", () => {
  it.each(YEARS)("%i: each non-religious weekend holiday gives one weekday off after it", (year) => {
    const days = computeCalendarYear(year);
    const holidays = days.filter((d) => d.kind === "holiday");
    const religious = new Set(FIXED_HOLIDAYS.filter((h) => h.religious).map((h) => h.name));
    const onWeekend = holidays.filter((h) => weekend(h.date) && !religious.has(h.name));
    const carried = days.filter((d) => d.kind === "day_off");
    expect(carried).toHaveLength(onWeekend.length);
    for (const h of onWeekend) {
      const day = carried.find((d) => d.name.includes(`(${h.date}, a weekend day)`));
      expect(day, h.date).toBeDefined();
      expect(weekend(day?.date ?? h.date)).toBe(false);
      expect((day?.date ?? "") > h.date).toBe(true);
    }
    // A carried day never lands on another holiday or another carried day.
    const offDates = days.filter((d) => d.kind !== "working_day").map((d) => d.date);
    expect(new Set(offDates).size).toBe(offDates.length);
  });

  it("does not carry a religious holiday that falls on a weekend", () => {
    const sunday = firstWeekday(2031, 7);
    const days = computeCalendarYear(2031, { kurbanAit: sunday });
    expect(days).toContainEqual({ date: sunday, kind: "holiday", name: "Kurban Ait (first day)" });
    expect(days.some((d) => d.name.includes(`(${sunday}, a weekend day)`))).toBe(false);
    expect(new WorkingCalendar(days).isWorkingDay(addCalendarDays(sunday, 1))).toBe(true);
  });

  it("makes a religious holiday on a weekday a day off", () => {
    const wednesday = firstWeekday(2031, 3);
    expect(
      new WorkingCalendar(computeCalendarYear(2031, { kurbanAit: wednesday })).isWorkingDay(wednesday),
    ).toBe(false);
  });

  it("refuses a Kurban Ait date outside its year", () => {
    expect(() => computeCalendarYear(2031, { kurbanAit: "2030-06-01" })).toThrow(RangeError);
  });
});

describe("transfers of days off (Labour Code, Art. 85(3))", () => {
  it("works the Saturday and rests on the weekday", () => {
    const saturday = firstWeekday(2031, 6);
    const friday = addCalendarDays(saturday, 6);
    const days = computeCalendarYear(2031, { transfers: [{ workedOn: saturday, restOn: friday }] });
    const cal = new WorkingCalendar(days);
    expect(cal.isWorkingDay(saturday)).toBe(true);
    expect(cal.isWorkingDay(friday)).toBe(false);
    expect(days.filter((d) => d.date === saturday).map((d) => d.kind)).toEqual(["working_day"]);
  });

  it("puts each side of a transfer across New Year into its own year", () => {
    const transfers = [{ workedOn: "2033-01-08", restOn: "2032-12-31" }];
    const a = computeCalendarYear(2032, { transfers });
    const b = computeCalendarYear(2033, { transfers });
    expect(a.filter((d) => d.date === "2032-12-31").map((d) => d.kind)).toEqual(["day_off"]);
    expect(a.some((d) => d.date === "2033-01-08")).toBe(false);
    expect(b.filter((d) => d.date === "2033-01-08").map((d) => d.kind)).toEqual(["working_day"]);
  });
});

describe("computeCalendarYear", () => {
  it("returns one year's entries sorted by date with plain ASCII names", () => {
    for (const year of YEARS) {
      const days = computeCalendarYear(year, { kurbanAit: firstWeekday(year, 2) });
      const dates = days.map((d) => d.date);
      expect([...dates].sort()).toEqual(dates);
      for (const d of days) {
        expect(d.date.startsWith(`${year}-`)).toBe(true);
        expect(d.name).toMatch(/^[\x20-\x7E]+$/);
      }
    }
  });

  it("rejects a fractional year", () => {
    expect(() => computeCalendarYear(2025.5)).toThrow(RangeError);
  });
});
