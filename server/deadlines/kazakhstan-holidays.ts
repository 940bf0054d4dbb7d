/**
 * The rules of Kazakhstan's working calendar, without the facts a decree or an announcement sets each
 * year. A year is computed from: the fixed holidays of the Law "On holidays in the Republic of
 * Kazakhstan" in force that year, the first day of Kurban Ait (fixed each year by the Spiritual
 * Administration of Muslims, DUMK), and the transfers of days off the authorised body publishes. The
 * stored, sourced facts per year live in db/seed/data/kazakhstan-calendar.json and are read through
 * server/calendar/calendar-facts.ts; nothing at run time should call this instead of the stored calendar.
 */

import { addCalendarDays, type CalendarDay, type IsoDate, isoWeekday } from "./working-calendar";

export type FixedHoliday = {
  month: number;
  day: number;
  name: string;
  /**
   * Labour Code, Art. 85: when a holiday falls on a Saturday or Sunday the day off moves to the next
   * working day, except for the religious holidays (Orthodox Christmas and the first day of Kurban Ait),
   * which are days off only on the date itself.
   */
  religious: boolean;
  /** First and last year the holiday is a day off; absent: no bound. */
  fromYear?: number;
  untilYear?: number;
};

/**
 * Public holidays that are days off under the Law "On holidays in the Republic of Kazakhstan".
 * Constitution Day follows the Constitution: 30 August (the 1995 referendum) until 2025; the Constitution
 * adopted at the referendum of 15 March 2026 makes the day of its adoption Constitution Day (Art. 94(2)),
 * and the Ministry of Labour said in March 2026 that 30 August is no longer a day off from 2026 and that
 * 15 March is kept from 2027 (sources in db/seed/data/kazakhstan-calendar.json and docs/legal-facts.md).
 */
export const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: "New Year", religious: false },
  { month: 1, day: 2, name: "New Year (second day)", religious: false },
  { month: 1, day: 7, name: "Orthodox Christmas", religious: true },
  { month: 3, day: 8, name: "International Women's Day", religious: false },
  { month: 3, day: 15, name: "Constitution Day", religious: false, fromYear: 2027 },
  { month: 3, day: 21, name: "Nauryz meiramy", religious: false },
  { month: 3, day: 22, name: "Nauryz meiramy (second day)", religious: false },
  { month: 3, day: 23, name: "Nauryz meiramy (third day)", religious: false },
  { month: 5, day: 1, name: "Kazakhstan People's Unity Day", religious: false },
  { month: 5, day: 7, name: "Defender of the Fatherland Day", religious: false },
  { month: 5, day: 9, name: "Victory Day", religious: false },
  { month: 7, day: 6, name: "Capital Day", religious: false },
  { month: 8, day: 30, name: "Constitution Day", religious: false, untilYear: 2025 },
  { month: 10, day: 25, name: "Republic Day", religious: false },
  { month: 12, day: 16, name: "Independence Day", religious: false },
];

export type Transfer = { workedOn: IsoDate; restOn: IsoDate };

/** What a year's calendar needs beyond the Law: the announced facts of that year. */
export type YearInputs = {
  /** First day of Kurban Ait, a day off only on the date itself; absent: not known, no entry. */
  kurbanAit?: IsoDate | null;
  /** Days off moved by the authorised body (Labour Code, Art. 85(3)). */
  transfers?: readonly Transfer[];
};

export const isFixedHolidayInForce = (h: FixedHoliday, year: number) =>
  (h.fromYear === undefined || year >= h.fromYear) && (h.untilYear === undefined || year <= h.untilYear);

function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function isWeekend(d: IsoDate): boolean {
  return isoWeekday(d) >= 6;
}

function byDate(a: CalendarDay, b: CalendarDay): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  // A stable order for the same date keeps the seed deterministic.
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}

/**
 * Holidays, carried-over days off and the given transfers of one year, sorted by date. Ordinary Saturdays
 * and Sundays are not listed: the calendar treats them as days off by default.
 */
export function computeCalendarYear(year: number, inputs: YearInputs = {}): CalendarDay[] {
  if (!Number.isInteger(year)) throw new RangeError(`Invalid year ${year}`);
  const holidays: { date: IsoDate; name: string; religious: boolean }[] = FIXED_HOLIDAYS.filter((h) =>
    isFixedHolidayInForce(h, year),
  ).map((h) => ({ date: isoDate(year, h.month, h.day), name: h.name, religious: h.religious }));
  if (inputs.kurbanAit) {
    if (!inputs.kurbanAit.startsWith(`${isoDate(year, 1, 1).slice(0, 4)}-`)) {
      throw new RangeError(`Kurban Ait ${inputs.kurbanAit} is not in ${year}`);
    }
    holidays.push({ date: inputs.kurbanAit, name: "Kurban Ait (first day)", religious: true });
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const inYear = (d: IsoDate) => d.startsWith(`${isoDate(year, 1, 1).slice(0, 4)}-`);
  const days: CalendarDay[] = holidays.map((h) => ({ date: h.date, kind: "holiday", name: h.name }));
  const transferredRestDays: IsoDate[] = [];
  // Each side of a transfer is emitted with its own year, so a transfer across New Year is not lost.
  for (const t of inputs.transfers ?? []) {
    if (inYear(t.workedOn)) {
      days.push({ date: t.workedOn, kind: "working_day", name: `Working day: day off moved to ${t.restOn}` });
    }
    if (inYear(t.restOn)) {
      days.push({ date: t.restOn, kind: "day_off", name: `Day off moved from ${t.workedOn}` });
      transferredRestDays.push(t.restOn);
    }
  }

  // A carried-over day off lands on the first weekday after the holiday that is not already off, so
  // that two weekend days of Nauryz (21–22 March 2026) become two separate weekdays (24 and 25 March)
  // and never the Monday that is itself the third day of Nauryz.
  const taken = new Set<IsoDate>([...holidays.map((h) => h.date), ...transferredRestDays]);
  for (const h of holidays) {
    if (h.religious || !isWeekend(h.date)) continue;
    let target = addCalendarDays(h.date, 1);
    while (isWeekend(target) || taken.has(target)) target = addCalendarDays(target, 1);
    taken.add(target);
    days.push({ date: target, kind: "day_off", name: `Day off for ${h.name} (${h.date}, a weekend day)` });
  }
  return days.sort(byDate);
}
