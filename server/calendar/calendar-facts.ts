import { z } from "zod";
import calendarData from "@/db/seed/data/kazakhstan-calendar.json";
import { computeCalendarYear } from "../deadlines/kazakhstan-holidays";
import { type CalendarDay, isIsoDate } from "../deadlines/working-calendar";

/**
 * The working-day calendar as sourced data. A year is "confirmed" when every holiday, carried-over day
 * off and transfer was checked against an official publication, which the year cites; any other year is
 * "provisional": computed from the rules (the Law "On holidays", Labour Code Art. 85) with the year's
 * expected Kurban Ait, and shown as such to admins until the ministry and DUMK publish it.
 */
export const CALENDAR_YEAR_STATUSES = ["confirmed", "provisional"] as const;
export type CalendarYearStatus = (typeof CALENDAR_YEAR_STATUSES)[number];

const isoDate = z.string().refine(isIsoDate, "not a YYYY-MM-DD date");

export const CalendarSource = z.object({
  title: z.string().min(1),
  issuer: z.string().min(1),
  /** Number of the act, where it has one. */
  number: z.string().min(1).optional(),
  /** Day of publication; null where the page does not show it. */
  published: isoDate.nullable(),
  url: z.url(),
});
export type CalendarSource = z.infer<typeof CalendarSource>;

const Day = z.object({
  date: isoDate,
  kind: z.enum(["holiday", "day_off", "working_day"]),
  name: z.string().min(1),
});

const YearFacts = z.object({
  year: z.number().int(),
  status: z.enum(CALENDAR_YEAR_STATUSES),
  sources: z.array(CalendarSource),
  note: z.string().optional(),
  kurbanAit: isoDate.nullable(),
  transfers: z.array(z.object({ workedOn: isoDate, restOn: isoDate })),
  /** As published; only a confirmed year has them, a provisional one is computed. */
  days: z.array(Day).optional(),
});
export type CalendarYearFacts = z.infer<typeof YearFacts>;

export const CALENDAR_FACTS: readonly CalendarYearFacts[] = z
  .object({ years: z.array(YearFacts) })
  .parse(calendarData).years;

/** The years the service loads into a new database and keeps corrected on every start. */
export const SEEDED_FIRST_YEAR = 2024;
export const SEEDED_LAST_YEAR = 2030;

export type CalendarYear = {
  year: number;
  status: CalendarYearStatus;
  sources: CalendarSource[];
  days: CalendarDay[];
};

/** One year as the service should hold it: the published days of a confirmed year, else the rules' result. */
export function calendarYear(year: number): CalendarYear {
  const facts = CALENDAR_FACTS.find((f) => f.year === year);
  if (facts?.status === "confirmed" && facts.days) {
    return { year, status: "confirmed", sources: facts.sources, days: facts.days };
  }
  return {
    year,
    status: "provisional",
    sources: facts?.sources ?? [],
    days: computeCalendarYear(year, { kurbanAit: facts?.kurbanAit, transfers: facts?.transfers }),
  };
}

/** Every day of `fromYear`..`toYear` as the service should hold them, sorted by date. */
export function calendarDaysOfYears(fromYear: number, toYear: number): CalendarDay[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`Invalid year range ${fromYear}..${toYear}`);
  }
  const days: CalendarDay[] = [];
  for (let year = fromYear; year <= toYear; year++) days.push(...calendarYear(year).days);
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
