import { describe, expect, it } from "vitest";
import { computeCalendarYear } from "../deadlines/kazakhstan-holidays";
import { type CalendarDay, isoWeekday, WorkingCalendar } from "../deadlines/working-calendar";
import {
  CALENDAR_FACTS,
  calendarDaysOfYears,
  calendarYear,
  SEEDED_FIRST_YEAR,
  SEEDED_LAST_YEAR,
} from "./calendar-facts";

// The stored, sourced data of db/seed/data/kazakhstan-calendar.json, checked for what it must always
// be (sourced, consistent, reproduced by the rules), never for which day a decree happens to make a holiday.

const confirmed = CALENDAR_FACTS.filter((f) => f.status === "confirmed");
const nonWorking = (days: readonly CalendarDay[], year: number) => {
  const cal = new WorkingCalendar(days);
  const out: string[] = [];
  for (
    let d = new Date(Date.UTC(year, 0, 1));
    d.getUTCFullYear() === year;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const iso = d.toISOString().slice(0, 10);
    if (!cal.isWorkingDay(iso)) out.push(iso);
  }
  return out;
};

describe("the stored calendar facts", () => {
  it("have one entry per year, covering the seeded years", () => {
    const years = CALENDAR_FACTS.map((f) => f.year);
    expect(new Set(years).size).toBe(years.length);
    for (let y = SEEDED_FIRST_YEAR; y <= SEEDED_LAST_YEAR; y++) expect(years).toContain(y);
  });

  it("confirm at least one year, and every confirmed year cites its sources and lists its days", () => {
    expect(confirmed.length).toBeGreaterThan(0);
    for (const f of confirmed) {
      expect(f.sources.length, String(f.year)).toBeGreaterThan(0);
      expect(f.days?.length ?? 0, String(f.year)).toBeGreaterThan(0);
    }
  });

  it("cite every source with a title, an issuer and an https address", () => {
    for (const f of CALENDAR_FACTS) {
      for (const s of f.sources) {
        expect(s.title.trim(), String(f.year)).not.toBe("");
        expect(s.issuer.trim(), String(f.year)).not.toBe("");
        expect(new URL(s.url).protocol, s.url).toBe("https:");
      }
    }
  });

  it("keep every date in its own year, transfers from a weekend day to a weekday", () => {
    for (const f of CALENDAR_FACTS) {
      for (const d of f.days ?? []) expect(d.date.startsWith(`${f.year}-`), d.date).toBe(true);
      if (f.kurbanAit) expect(f.kurbanAit.startsWith(`${f.year}-`)).toBe(true);
      for (const t of f.transfers) {
        expect(isoWeekday(t.workedOn), t.workedOn).toBeGreaterThanOrEqual(6);
        expect(isoWeekday(t.restOn), t.restOn).toBeLessThanOrEqual(5);
      }
    }
  });

  it("store no days for a provisional year: those are computed from the rules", () => {
    for (const f of CALENDAR_FACTS.filter((x) => x.status === "provisional"))
      expect(f.days, String(f.year)).toBeUndefined();
  });

  it.each(confirmed.map((f) => [f.year, f] as const))(
    "%i: the rules reproduce the published days",
    (year, f) => {
      const computed = computeCalendarYear(year, { kurbanAit: f.kurbanAit, transfers: f.transfers });
      const published = f.days ?? [];
      expect(nonWorking(computed, year)).toEqual(nonWorking(published, year));
      const kinds = (days: readonly CalendarDay[]) => days.map((d) => `${d.date} ${d.kind}`).sort();
      expect(kinds(computed)).toEqual(kinds(published));
    },
  );
});

describe("calendarYear", () => {
  it("serves a confirmed year as published, with its sources", () => {
    for (const f of confirmed) {
      const y = calendarYear(f.year);
      expect(y.status).toBe("confirmed");
      expect(y.days).toEqual(f.days);
      expect(y.sources).toEqual(f.sources);
    }
  });

  it("computes every other year from the rules and marks it provisional", () => {
    const unknown = Math.max(...CALENDAR_FACTS.map((f) => f.year)) + 1;
    for (const year of [
      ...CALENDAR_FACTS.filter((f) => f.status === "provisional").map((f) => f.year),
      unknown,
    ]) {
      const y = calendarYear(year);
      const f = CALENDAR_FACTS.find((x) => x.year === year);
      expect(y.status).toBe("provisional");
      expect(y.days).toEqual(computeCalendarYear(year, { kurbanAit: f?.kurbanAit, transfers: f?.transfers }));
    }
  });

  it("joins years in date order", () => {
    const days = calendarDaysOfYears(SEEDED_FIRST_YEAR, SEEDED_LAST_YEAR);
    const dates = days.map((d) => d.date);
    expect([...dates].sort()).toEqual(dates);
    expect(() => calendarDaysOfYears(2026, 2025)).toThrow(RangeError);
  });
});
