import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addCalendarMonths,
  almatyDate,
  almatyEndOfDay,
  almatyMinutesOfDay,
  almatyStartOfDay,
  calendarDaysBetween,
  isIsoDate,
  isoWeekday,
  WorkingCalendar,
} from "./working-calendar";

// March 2025, for orientation:
//   Mo Tu We Th Fr Sa Su
//                   1  2
//    3  4  5  6  7  8  9
//   10 11 12 13 14 15 16
//   17 18 19 20 21 22 23
//   24 25 26 27 28 29 30
//   31
const plain = new WorkingCalendar([]);

describe("almaty time", () => {
  it("puts 19:30 UTC on the next local day (UTC+5)", () => {
    // 2025-03-10T19:30Z + 5 h = 2025-03-11 00:30 in Almaty.
    expect(almatyDate(new Date("2025-03-10T19:30:00Z"))).toBe("2025-03-11");
    expect(almatyDate(new Date("2025-03-10T19:00:00Z"))).toBe("2025-03-11");
    // 18:59:59.999Z is 23:59:59.999 local, still the 10th.
    expect(almatyDate(new Date("2025-03-10T18:59:59.999Z"))).toBe("2025-03-10");
  });

  it("keeps UTC+5 in winter and summer (no daylight saving since 1 March 2024)", () => {
    expect(almatyDate(new Date("2025-01-15T19:00:00Z"))).toBe("2025-01-16");
    expect(almatyDate(new Date("2025-07-15T19:00:00Z"))).toBe("2025-07-16");
    expect(almatyDate(new Date("2025-07-15T18:59:00Z"))).toBe("2025-07-15");
  });

  it("gives local minutes of the day", () => {
    // 13:29Z = 18:29 local = 1109 minutes; 19:30Z = 00:30 local = 30 minutes.
    expect(almatyMinutesOfDay(new Date("2025-03-11T13:29:00Z"))).toBe(18 * 60 + 29);
    expect(almatyMinutesOfDay(new Date("2025-03-10T19:30:00Z"))).toBe(30);
  });

  it("converts local day bounds to UTC", () => {
    expect(almatyStartOfDay("2025-03-11").toISOString()).toBe("2025-03-10T19:00:00.000Z");
    expect(almatyEndOfDay("2025-03-11").toISOString()).toBe("2025-03-11T18:59:59.999Z");
    expect(almatyEndOfDay("2025-12-31").toISOString()).toBe("2025-12-31T18:59:59.999Z");
    expect(almatyStartOfDay("2026-01-01").toISOString()).toBe("2025-12-31T19:00:00.000Z");
  });

  it("rejects an invalid instant", () => {
    expect(() => almatyDate(new Date("nope"))).toThrow(RangeError);
  });
});

describe("date helpers", () => {
  it("validates dates strictly", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-02-30")).toBe(false);
    expect(isIsoDate("2025-2-3")).toBe(false);
    expect(isIsoDate("2025-03-11T00:00")).toBe(false);
    expect(() => plain.isWorkingDay("2025-13-01")).toThrow(RangeError);
    expect(() => new WorkingCalendar([{ date: "2025-02-30", kind: "holiday", name: "x" }])).toThrow(
      RangeError,
    );
  });

  it("knows weekdays", () => {
    expect(isoWeekday("2025-03-10")).toBe(1); // Monday
    expect(isoWeekday("2025-03-16")).toBe(7); // Sunday
    expect(isoWeekday("1970-01-01")).toBe(4); // Thursday
    expect(isoWeekday("1969-12-28")).toBe(7); // Sunday, before the epoch
  });

  it("adds and subtracts calendar days across month and year ends", () => {
    expect(addCalendarDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addCalendarDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(calendarDaysBetween("2025-12-25", "2026-01-05")).toBe(11);
    expect(calendarDaysBetween("2026-01-05", "2025-12-25")).toBe(-11);
  });
});

describe("addCalendarMonths", () => {
  it("keeps the day of month when the target month has it", () => {
    expect(addCalendarMonths("2025-03-12", 2)).toBe("2025-05-12");
    expect(addCalendarMonths("2025-11-30", 2)).toBe("2026-01-30");
  });

  it("clamps to the last day of a shorter month", () => {
    expect(addCalendarMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addCalendarMonths("2024-01-31", 1)).toBe("2024-02-29"); // leap year
    expect(addCalendarMonths("2025-12-31", 2)).toBe("2026-02-28");
    expect(addCalendarMonths("2025-08-31", 1)).toBe("2025-09-30");
  });

  it("goes backwards too", () => {
    expect(addCalendarMonths("2025-03-31", -1)).toBe("2025-02-28");
    expect(addCalendarMonths("2025-01-15", -2)).toBe("2024-11-15");
  });

  it("rejects fractional months", () => {
    expect(() => addCalendarMonths("2025-01-15", 1.5)).toThrow(RangeError);
  });
});

describe("WorkingCalendar without entries", () => {
  it("treats Saturday and Sunday as days off", () => {
    expect(plain.isWorkingDay("2025-03-14")).toBe(true); // Friday
    expect(plain.isWorkingDay("2025-03-15")).toBe(false); // Saturday
    expect(plain.isWorkingDay("2025-03-16")).toBe(false); // Sunday
    expect(plain.isWorkingDay("2025-03-17")).toBe(true); // Monday
  });

  it("finds the next working day strictly after a date", () => {
    expect(plain.nextWorkingDay("2025-03-13")).toBe("2025-03-14"); // Thu → Fri
    expect(plain.nextWorkingDay("2025-03-14")).toBe("2025-03-17"); // Fri → Mon
    expect(plain.nextWorkingDay("2025-03-15")).toBe("2025-03-17"); // Sat → Mon
  });

  it("finds the working day on or after a date", () => {
    expect(plain.workingDayOnOrAfter("2025-03-14")).toBe("2025-03-14");
    expect(plain.workingDayOnOrAfter("2025-03-16")).toBe("2025-03-17");
  });

  it("adds working days without counting the start day", () => {
    expect(plain.addWorkingDays("2025-03-14", 0)).toBe("2025-03-14");
    // Fri 14 + 1: Mon 17 (1).
    expect(plain.addWorkingDays("2025-03-14", 1)).toBe("2025-03-17");
    // Mon 3 + 15: 4,5,6,7 (4) 10..14 (9) 17..21 (14) 24 (15).
    expect(plain.addWorkingDays("2025-03-03", 15)).toBe("2025-03-24");
    // Starting on a Saturday: Mon 17 (1), Tue 18 (2), Wed 19 (3).
    expect(plain.addWorkingDays("2025-03-15", 3)).toBe("2025-03-19");
  });

  it("subtracts working days", () => {
    // Mon 17 − 1: Fri 14.
    expect(plain.addWorkingDays("2025-03-17", -1)).toBe("2025-03-14");
    // Fri 21 − 3: Thu 20 (1), Wed 19 (2), Tue 18 (3).
    expect(plain.addWorkingDays("2025-03-21", -3)).toBe("2025-03-18");
  });

  it("rejects a fractional number of working days", () => {
    expect(() => plain.addWorkingDays("2025-03-14", 0.5)).toThrow(RangeError);
  });

  it("counts working days in (from, to]", () => {
    expect(plain.workingDaysBetween("2025-03-14", "2025-03-14")).toBe(0);
    // (Fri 14, Mon 17]: Sat, Sun skipped, Mon 17 = 1.
    expect(plain.workingDaysBetween("2025-03-14", "2025-03-17")).toBe(1);
    expect(plain.workingDaysBetween("2025-03-17", "2025-03-14")).toBe(-1);
    // (Mon 3, Mon 24]: 4..7 (4) + 10..14 (5) + 17..21 (5) + 24 (1) = 15.
    expect(plain.workingDaysBetween("2025-03-03", "2025-03-24")).toBe(15);
    // (Fri 14, Sun 16]: nothing.
    expect(plain.workingDaysBetween("2025-03-14", "2025-03-16")).toBe(0);
  });
});

describe("WorkingCalendar with entries", () => {
  const cal = new WorkingCalendar([
    { date: "2025-03-12", kind: "holiday", name: "A holiday on a Wednesday" },
    { date: "2025-03-13", kind: "day_off", name: "A weekday made off by a transfer" },
    { date: "2025-03-15", kind: "working_day", name: "A Saturday made working by the same transfer" },
    // Contradictory entries for one date: the day stays off.
    { date: "2025-03-22", kind: "working_day", name: "Saturday said to be working" },
    { date: "2025-03-22", kind: "holiday", name: "…and a holiday" },
  ]);

  it("applies holidays, transferred days off and working weekend days", () => {
    expect(cal.isWorkingDay("2025-03-11")).toBe(true);
    expect(cal.isWorkingDay("2025-03-12")).toBe(false);
    expect(cal.isWorkingDay("2025-03-13")).toBe(false);
    expect(cal.isWorkingDay("2025-03-14")).toBe(true);
    expect(cal.isWorkingDay("2025-03-15")).toBe(true);
    expect(cal.isWorkingDay("2025-03-16")).toBe(false);
  });

  it("lets a day off win over a working_day entry on the same date", () => {
    expect(cal.isWorkingDay("2025-03-22")).toBe(false);
  });

  it("counts through them", () => {
    // Tue 11 + 3: Wed 12 holiday, Thu 13 off, Fri 14 (1), Sat 15 working (2), Sun 16 off, Mon 17 (3).
    expect(cal.addWorkingDays("2025-03-11", 3)).toBe("2025-03-17");
    expect(cal.nextWorkingDay("2025-03-11")).toBe("2025-03-14");
    expect(cal.nextWorkingDay("2025-03-14")).toBe("2025-03-15");
    // (Tue 11, Mon 17]: 14, 15, 17 = 3.
    expect(cal.workingDaysBetween("2025-03-11", "2025-03-17")).toBe(3);
    // Mon 17 − 2: Sat 15 (1), Fri 14 (2).
    expect(cal.addWorkingDays("2025-03-17", -2)).toBe("2025-03-14");
  });
});
