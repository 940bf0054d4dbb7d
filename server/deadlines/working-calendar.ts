/**
 * Dates, Almaty local time and working days.
 *
 * Every term in the APPC is counted in working days (or, for the extension cap, in calendar months) of
 * Kazakhstan, so all arithmetic here works on local calendar dates ("YYYY-MM-DD") rather than on
 * instants. Instants only appear at the edges: `almatyDate` turns one into a local date and
 * `almatyStartOfDay` / `almatyEndOfDay` turn a local date back into instants.
 *
 * Pure: no I/O, no global time-zone database, no `Date.now()`.
 */

/** "YYYY-MM-DD", a calendar date in Kazakhstan. */
export type IsoDate = string;

/**
 * - holiday: a public holiday (Law "On holidays"), a day off even when it falls on a weekday.
 * - day_off: a weekday that is not worked because a holiday was carried over to it or because the
 *   authorised body moved a day off onto it (Labour Code, Art. 85).
 * - working_day: a Saturday or Sunday that is worked because a day off was moved away from it.
 */
export type CalendarDayKind = "holiday" | "day_off" | "working_day";

export type CalendarDay = { date: IsoDate; kind: CalendarDayKind; name: string };

/**
 * Kazakhstan moved to a single time zone, UTC+5 with no daylight saving, on 1 March 2024. A fixed offset
 * is used on purpose instead of `Intl` with "Asia/Almaty": servers with tzdata older than 2024a still
 * think Almaty is UTC+6, which would shift every out-of-hours registration by an hour. Instants before
 * 1 March 2024 (when Almaty was UTC+6) are not supported.
 */
export const ALMATY_UTC_OFFSET_MINUTES = 5 * 60;

/**
 * Working hours of an administrative body, local time (the standard government schedule, 09:00–18:30).
 * An appeal that arrives at or after the end of the working day counts as received out of hours and is
 * registered on the next working day (APPC rule on registration of appeals). One that arrives before
 * the start of a working day is registered that same day, when the office opens, so only the end of the
 * day moves a registration.
 */
export const WORKDAY_START_MINUTES = 9 * 60;
export const WORKDAY_END_MINUTES = 18 * 60 + 30;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const ALMATY_OFFSET_MS = ALMATY_UTC_OFFSET_MINUTES * MS_PER_MINUTE;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01; throws on anything that is not a real calendar date in "YYYY-MM-DD" form. */
function toDayNumber(d: IsoDate): number {
  const match = ISO_DATE_PATTERN.exec(d);
  if (match === null) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(d)}`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC silently rolls 2025-02-30 over into March; a rolled-over date must not become a deadline.
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`No such calendar date: ${d}`);
  }
  return ms / MS_PER_DAY;
}

function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
function weekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) {
    throw new RangeError(`${what} must be an integer, got ${n}`);
  }
}

function assertValidInstant(instant: Date): void {
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError("Invalid Date");
  }
}

/** True when `d` is a real date written as "YYYY-MM-DD". */
export function isIsoDate(d: string): boolean {
  try {
    toDayNumber(d);
    return true;
  } catch {
    return false;
  }
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: IsoDate): number {
  return weekdayOf(toDayNumber(d));
}

export function addCalendarDays(d: IsoDate, days: number): IsoDate {
  assertInteger(days, "days");
  return fromDayNumber(toDayNumber(d) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export class WorkingCalendar {
  // Day numbers rather than strings so that a malformed date in the admin's data fails here, once,
  // instead of silently never matching.
  private readonly nonWorking = new Set<number>();
  private readonly workingWeekend = new Set<number>();

  /**
   * When the same date has both a non-working entry and a working_day entry, the non-working one wins:
   * wrongly treating a day off as working would shorten a citizen's term, the opposite only lets the body
   * answer a day later.
   */
  constructor(days: readonly CalendarDay[]) {
    for (const day of days) {
      const n = toDayNumber(day.date);
      if (day.kind === "working_day") {
        this.workingWeekend.add(n);
      } else {
        this.nonWorking.add(n);
      }
    }
  }

  /** Monday–Friday unless a holiday or day off; Saturday and Sunday only when declared working. */
  isWorkingDay(d: IsoDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(d));
  }

  /** The first working day strictly after `d`. */
  nextWorkingDay(d: IsoDate): IsoDate {
    return fromDayNumber(this.stepToWorkingDay(toDayNumber(d), 1));
  }

  /** `d` itself if it is a working day, otherwise the next working day (APPC: a term whose last day is non-working ends on the next working day). */
  workingDayOnOrAfter(d: IsoDate): IsoDate {
    const n = toDayNumber(d);
    return this.isWorkingDayNumber(n) ? d : fromDayNumber(this.stepToWorkingDay(n, 1));
  }

  /**
   * The n-th working day after `d`, not counting `d` itself: APPC terms in days run from the day after
   * the event that starts them. `n = 0` returns `d` unchanged. A negative `n` gives the |n|-th working day
   * strictly before `d` (used for reminders).
   */
  addWorkingDays(d: IsoDate, n: number): IsoDate {
    assertInteger(n, "n");
    let day = toDayNumber(d);
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0; left--) {
      day = this.stepToWorkingDay(day, step);
    }
    return fromDayNumber(day);
  }

  /** Number of working days in (from, to]; if `to` is before `from`, minus the number in (to, from]. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    if (b < a) {
      return -this.countWorkingDays(b, a);
    }
    return this.countWorkingDays(a, b);
  }

  private countWorkingDays(fromExclusive: number, toInclusive: number): number {
    let count = 0;
    for (let n = fromExclusive + 1; n <= toInclusive; n++) {
      if (this.isWorkingDayNumber(n)) count++;
    }
    return count;
  }

  /** Moves one day at a time in `step` direction until a working day; always terminates because the entries are finite. */
  private stepToWorkingDay(from: number, step: 1 | -1): number {
    let n = from + step;
    while (!this.isWorkingDayNumber(n)) n += step;
    return n;
  }

  private isWorkingDayNumber(n: number): boolean {
    if (this.nonWorking.has(n)) return false;
    const weekday = weekdayOf(n);
    if (weekday >= 6) return this.workingWeekend.has(n);
    return true;
  }
}

/** The calendar date in Kazakhstan at `instant`. */
export function almatyDate(instant: Date): IsoDate {
  assertValidInstant(instant);
  return new Date(instant.getTime() + ALMATY_OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since local midnight in Kazakhstan at `instant` (0–1439). */
export function almatyMinutesOfDay(instant: Date): number {
  assertValidInstant(instant);
  const localMs = instant.getTime() + ALMATY_OFFSET_MS;
  const msIntoDay = ((localMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  return Math.floor(msIntoDay / MS_PER_MINUTE);
}

/** 00:00:00.000 local time on `d`, as an instant. */
export function almatyStartOfDay(d: IsoDate): Date {
  return new Date(toDayNumber(d) * MS_PER_DAY - ALMATY_OFFSET_MS);
}

/** 23:59:59.999 local time on `d`, as an instant: a term in days lasts until the end of its last day. */
export function almatyEndOfDay(d: IsoDate): Date {
  return new Date((toDayNumber(d) + 1) * MS_PER_DAY - ALMATY_OFFSET_MS - 1);
}

/**
 * The date `months` calendar months after `d`. A term in months ends on the same-numbered day of the
 * last month, or on that month's last day when it has no such day (31 January + 1 month → 28/29
 * February), as for terms in months generally in Kazakh law.
 */
export function addCalendarMonths(d: IsoDate, months: number): IsoDate {
  assertInteger(months, "months");
  const start = new Date(toDayNumber(d) * MS_PER_DAY);
  const monthIndex = start.getUTCFullYear() * 12 + start.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDayOfTargetMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), lastDayOfTargetMonth);
  return fromDayNumber(Date.UTC(year, month, day) / MS_PER_DAY);
}
