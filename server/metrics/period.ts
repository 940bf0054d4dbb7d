import { almatyDate } from "../deadlines/working-calendar";

/** A calendar month in Kazakhstan, "YYYY-MM". */
export type Month = string;

/** The months an appeal was filed in, both ends included. Every dashboard figure is about such a cohort. */
export type Period = { from: Month; to: Month };

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The first day of a month, as the summary tables key it. */
export const monthStart = (m: Month) => `${m}-01`;

export const monthOf = (instant: Date): Month => almatyDate(instant).slice(0, 7);

export function addMonths(m: Month, n: number): Month {
  const index = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String(index - year * 12 + 1).padStart(2, "0")}`;
}

/** Every month of a period, oldest first. */
export function monthsOf(p: Period): Month[] {
  const months: Month[] = [];
  for (let m = p.from; m <= p.to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The twelve months up to and including the current one. */
export function lastTwelveMonths(now: Date): Period {
  const to = monthOf(now);
  return { from: addMonths(to, -11), to };
}
