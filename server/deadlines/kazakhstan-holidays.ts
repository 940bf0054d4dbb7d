/**
 * Seed data for the working calendar of Kazakhstan. This only fills the database the first time; after
 * that an administrator keeps the calendar up to date (new Kurban Ait dates, the Labour Ministry's yearly
 * transfers of days off, changes to the Law "On holidays"), so nothing at run time should call this
 * instead of reading the stored calendar.
 */

import { addCalendarDays, type CalendarDay, type IsoDate, isoWeekday } from "./working-calendar";

type FixedHoliday = {
  month: number;
  day: number;
  name: string;
  /**
   * Labour Code, Art. 85: when a holiday falls on a Saturday or Sunday the day off moves to the next
   * working day, except for the religious holidays (Orthodox Christmas and the first day of Kurban Ait),
   * which are days off only on the date itself.
   */
  religious: boolean;
};

/** Public holidays that are days off under the Law "On holidays in the Republic of Kazakhstan". */
const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: "New Year", religious: false },
  { month: 1, day: 2, name: "New Year (second day)", religious: false },
  { month: 1, day: 7, name: "Orthodox Christmas", religious: true },
  { month: 3, day: 8, name: "International Women's Day", religious: false },
  { month: 3, day: 21, name: "Nauryz meiramy", religious: false },
  { month: 3, day: 22, name: "Nauryz meiramy (second day)", religious: false },
  { month: 3, day: 23, name: "Nauryz meiramy (third day)", religious: false },
  { month: 5, day: 1, name: "Kazakhstan People's Unity Day", religious: false },
  { month: 5, day: 7, name: "Defender of the Fatherland Day", religious: false },
  { month: 5, day: 9, name: "Victory Day", religious: false },
  { month: 7, day: 6, name: "Capital Day", religious: false },
  { month: 8, day: 30, name: "Constitution Day", religious: false },
  { month: 10, day: 25, name: "Republic Day", religious: false },
  { month: 12, day: 16, name: "Independence Day", religious: false },
];

/**
 * First day of Kurban Ait (Eid al-Adha, 10 Dhu al-Hijjah). Only this one day is a day off by law, and it
 * is not carried over when it falls on a weekend. The Spiritual Administration of Muslims of Kazakhstan
 * (DUMK) fixes the date each autumn for the following year and may still move it by a day on sighting
 * of the new moon.
 * - 2024–2026: the dates DUMK announced (2024-06-16 was a Sunday and gave no extra day off).
 * - 2027–2030: 10 Dhu al-Hijjah in the Umm al-Qura calendar, which matched DUMK in 2024–2026; the
 *   administrator must confirm each against DUMK's announcement.
 * Years missing here get no Kurban Ait entry at all; the administrator adds it.
 */
export const KURBAN_AIT_FIRST_DAY: Readonly<Record<number, IsoDate>> = Object.freeze({
  2024: "2024-06-16",
  2025: "2025-06-06",
  2026: "2026-05-27",
  2027: "2027-05-16",
  2028: "2028-05-05",
  2029: "2029-04-24",
  2030: "2030-04-13",
});

type Transfer = { workedOn: IsoDate; restOn: IsoDate };

/**
 * Days off moved by the authorised body (Labour Code, Art. 85(3); in 2024–2025 orders of the Minister of
 * Labour and Social Protection, earlier Government resolutions), as published for a five-day week:
 * - 2024: day off moved from Saturday 4 May to Wednesday 8 May (order of 17 April 2024).
 * - 2025: day off moved from Sunday 5 January to Friday 3 January (order of the Labour Ministry).
 * - 2026: none published; only the ordinary carry-overs of weekend holidays apply.
 * The ministry publishes these during the year, sometimes only weeks ahead, so later years are left to
 * the administrator.
 */
const TRANSFERS: readonly Transfer[] = [
  { workedOn: "2024-05-04", restOn: "2024-05-08" },
  { workedOn: "2025-01-05", restOn: "2025-01-03" },
];

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

function calendarDaysOfYear(year: number): CalendarDay[] {
  const holidays: { date: IsoDate; name: string; religious: boolean }[] = FIXED_HOLIDAYS.map((h) => ({
    date: isoDate(year, h.month, h.day),
    name: h.name,
    religious: h.religious,
  }));
  const kurbanAit = KURBAN_AIT_FIRST_DAY[year];
  if (kurbanAit !== undefined) {
    holidays.push({ date: kurbanAit, name: "Kurban Ait (first day)", religious: true });
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const inYear = (d: IsoDate) => d.startsWith(`${isoDate(year, 1, 1).slice(0, 4)}-`);
  const days: CalendarDay[] = holidays.map((h) => ({ date: h.date, kind: "holiday", name: h.name }));
  const transferredRestDays: IsoDate[] = [];
  // Each side of a transfer is emitted with its own year, so a transfer across New Year is not lost.
  for (const t of TRANSFERS) {
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
  return days;
}

/**
 * Holidays, carried-over days off and published transfers for `fromYear`..`toYear` inclusive, sorted by
 * date. Ordinary Saturdays and Sundays are not listed: the calendar treats them as days off by default.
 */
export function kazakhstanCalendarDays(fromYear: number, toYear: number): CalendarDay[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`Invalid year range ${fromYear}..${toYear}`);
  }
  const days: CalendarDay[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    days.push(...calendarDaysOfYear(year));
  }
  return days.sort(byDate);
}
