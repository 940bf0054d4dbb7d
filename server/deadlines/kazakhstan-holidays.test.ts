import { describe, expect, it } from "vitest";
import { KURBAN_AIT_FIRST_DAY, kazakhstanCalendarDays } from "./kazakhstan-holidays";
import { addCalendarDays, type IsoDate, isoWeekday, WorkingCalendar } from "./working-calendar";

const days = kazakhstanCalendarDays(2024, 2027);
const cal = new WorkingCalendar(days);

function entriesOn(date: IsoDate) {
  return days.filter((d) => d.date === date);
}

/** Mondays–Fridays of `year` that are not worked, and Saturdays/Sundays that are. */
function exceptions(year: number): { weekdaysOff: string[]; weekendsWorked: string[] } {
  const weekdaysOff: string[] = [];
  const weekendsWorked: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(`${year}-`); d = addCalendarDays(d, 1)) {
    const weekend = isoWeekday(d) >= 6;
    if (!weekend && !cal.isWorkingDay(d)) weekdaysOff.push(d.slice(5));
    if (weekend && cal.isWorkingDay(d)) weekendsWorked.push(d.slice(5));
  }
  return { weekdaysOff, weekendsWorked };
}

describe("fixed public holidays", () => {
  // Every fixed holiday, in 2026; whatever the weekday, the date itself is never a working day.
  const fixed: [IsoDate, string][] = [
    ["2026-01-01", "New Year"],
    ["2026-01-02", "New Year (second day)"],
    ["2026-01-07", "Orthodox Christmas"],
    ["2026-03-08", "International Women's Day"],
    ["2026-03-21", "Nauryz meiramy"],
    ["2026-03-22", "Nauryz meiramy (second day)"],
    ["2026-03-23", "Nauryz meiramy (third day)"],
    ["2026-05-01", "Kazakhstan People's Unity Day"],
    ["2026-05-07", "Defender of the Fatherland Day"],
    ["2026-05-09", "Victory Day"],
    ["2026-07-06", "Capital Day"],
    ["2026-08-30", "Constitution Day"],
    ["2026-10-25", "Republic Day"],
    ["2026-12-16", "Independence Day"],
  ];

  it.each(fixed)("%s (%s) is a holiday and not a working day", (date, name) => {
    expect(entriesOn(date)).toContainEqual({ date, kind: "holiday", name });
    expect(cal.isWorkingDay(date)).toBe(false);
  });

  it("lists them every year", () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      const holidays = days.filter((d) => d.kind === "holiday" && d.date.startsWith(`${year}-`));
      // 14 fixed + Kurban Ait.
      expect(holidays).toHaveLength(15);
    }
  });

  it("leaves the day before and after an isolated holiday working", () => {
    // Independence Day 2025 is Tuesday 16 December.
    expect(cal.isWorkingDay("2025-12-15")).toBe(true);
    expect(cal.isWorkingDay("2025-12-16")).toBe(false);
    expect(cal.isWorkingDay("2025-12-17")).toBe(true);
  });
});

describe("holidays on a weekend", () => {
  it("carries a Saturday holiday to Monday", () => {
    // 8 March 2025 is a Saturday → Monday 10 March off, Tuesday 11 back to work.
    expect(entriesOn("2025-03-10")).toEqual([
      {
        date: "2025-03-10",
        kind: "day_off",
        name: "Day off for International Women's Day (2025-03-08, a weekend day)",
      },
    ]);
    expect(cal.isWorkingDay("2025-03-10")).toBe(false);
    expect(cal.isWorkingDay("2025-03-11")).toBe(true);
  });

  it("carries a Sunday holiday to Monday", () => {
    // Constitution Day, Sunday 30 August 2026 → Monday 31 August.
    expect(cal.isWorkingDay("2026-08-31")).toBe(false);
    expect(cal.isWorkingDay("2026-09-01")).toBe(true);
    // Republic Day, Saturday 25 October 2025 → Monday 27 October.
    expect(cal.isWorkingDay("2025-10-27")).toBe(false);
  });

  it("carries two weekend days of Nauryz past a Monday that is itself Nauryz", () => {
    // 2026: Sat 21 and Sun 22 are Nauryz, Mon 23 is the third day → the two carried days are Tue 24, Wed 25.
    expect(cal.isWorkingDay("2026-03-23")).toBe(false);
    expect(cal.isWorkingDay("2026-03-24")).toBe(false);
    expect(cal.isWorkingDay("2026-03-25")).toBe(false);
    expect(cal.isWorkingDay("2026-03-26")).toBe(true);
  });

  it("carries New Year's second day from Saturday to the Monday after", () => {
    // 2027: Fri 1 January, Sat 2 January → Monday 4 January off.
    expect(cal.isWorkingDay("2027-01-04")).toBe(false);
    expect(cal.isWorkingDay("2027-01-05")).toBe(true);
  });

  it("does not carry Kurban Ait", () => {
    // Kurban Ait 2024 was Sunday 16 June: no extra day off, Monday 17 June is worked.
    expect(KURBAN_AIT_FIRST_DAY[2024]).toBe("2024-06-16");
    expect(cal.isWorkingDay("2024-06-16")).toBe(false);
    expect(cal.isWorkingDay("2024-06-17")).toBe(true);
    expect(entriesOn("2024-06-17")).toEqual([]);
    // Kurban Ait 2027 (Umm al-Qura date) is also a Sunday.
    expect(cal.isWorkingDay("2027-05-17")).toBe(true);
  });

  it("does not carry Orthodox Christmas", () => {
    // 7 January 2024 was a Sunday; Monday 8 January was worked.
    expect(cal.isWorkingDay("2024-01-08")).toBe(true);
  });

  it("makes Kurban Ait on a weekday a day off", () => {
    expect(cal.isWorkingDay("2025-06-06")).toBe(false); // Friday
    expect(cal.isWorkingDay("2026-05-27")).toBe(false); // Wednesday
  });
});

describe("transfers of days off", () => {
  it("2024: Saturday 4 May worked, Wednesday 8 May off", () => {
    expect(entriesOn("2024-05-04").map((d) => d.kind)).toEqual(["working_day"]);
    expect(cal.isWorkingDay("2024-05-04")).toBe(true);
    expect(entriesOn("2024-05-08").map((d) => d.kind)).toEqual(["day_off"]);
    expect(cal.isWorkingDay("2024-05-08")).toBe(false);
  });

  it("2025: Sunday 5 January worked, Friday 3 January off", () => {
    expect(cal.isWorkingDay("2025-01-03")).toBe(false);
    expect(cal.isWorkingDay("2025-01-04")).toBe(false);
    expect(cal.isWorkingDay("2025-01-05")).toBe(true);
  });
});

describe("whole years against the published calendars", () => {
  it("2024", () => {
    expect(exceptions(2024)).toEqual({
      weekdaysOff: [
        "01-01",
        "01-02",
        "03-08",
        "03-21",
        "03-22",
        "03-25", // Nauryz Sat 23 → Mon 25
        "05-01",
        "05-07",
        "05-08", // transfer from Sat 4 May
        "05-09",
        "07-08", // Capital Day Sat 6 → Mon 8
        "08-30",
        "10-25",
        "12-16",
      ],
      weekendsWorked: ["05-04"],
    });
  });

  it("2025", () => {
    expect(exceptions(2025)).toEqual({
      weekdaysOff: [
        "01-01",
        "01-02",
        "01-03", // transfer from Sun 5 Jan
        "01-07",
        "03-10", // 8 March, Saturday
        "03-21",
        "03-24", // Nauryz Sat 22
        "03-25", // Nauryz Sun 23
        "05-01",
        "05-07",
        "05-09",
        "06-06", // Kurban Ait
        "07-07", // Capital Day, Sunday
        "09-01", // Constitution Day, Saturday
        "10-27", // Republic Day, Saturday
        "12-16",
      ],
      weekendsWorked: ["01-05"],
    });
  });

  it("2026: the 15 extra weekdays off announced on the e-government portal", () => {
    expect(exceptions(2026)).toEqual({
      weekdaysOff: [
        "01-01",
        "01-02",
        "01-07",
        "03-09",
        "03-23",
        "03-24",
        "03-25",
        "05-01",
        "05-07",
        "05-11",
        "05-27",
        "07-06",
        "08-31",
        "10-26",
        "12-16",
      ],
      weekendsWorked: [],
    });
  });
});

describe("kazakhstanCalendarDays", () => {
  it("returns entries sorted by date with English names", () => {
    const dates = days.map((d) => d.date);
    expect([...dates].sort()).toEqual(dates);
    for (const d of days) expect(d.name).toMatch(/^[\x20-\x7E…]+$/);
  });

  it("covers only the years asked for", () => {
    const one = kazakhstanCalendarDays(2025, 2025);
    expect(one.every((d) => d.date.startsWith("2025-"))).toBe(true);
    expect(one.some((d) => d.date === "2025-01-05" && d.kind === "working_day")).toBe(true);
  });

  it("has a Kurban Ait date for 2024–2030 and omits years it does not know", () => {
    expect(Object.keys(KURBAN_AIT_FIRST_DAY)).toEqual([
      "2024",
      "2025",
      "2026",
      "2027",
      "2028",
      "2029",
      "2030",
    ]);
    for (const [year, date] of Object.entries(KURBAN_AIT_FIRST_DAY))
      expect(date.startsWith(`${year}-`)).toBe(true);
    expect(kazakhstanCalendarDays(2031, 2031).filter((d) => d.kind === "holiday")).toHaveLength(14);
  });

  it("rejects a reversed or fractional range", () => {
    expect(() => kazakhstanCalendarDays(2026, 2025)).toThrow(RangeError);
    expect(() => kazakhstanCalendarDays(2025.5, 2026)).toThrow(RangeError);
  });
});
