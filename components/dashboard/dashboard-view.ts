import type { createFormatter } from "next-intl";
import { lastTwelveMonths, MONTH_PATTERN, type Period } from "@/server/metrics/period";

export type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** The period a dashboard address names, or the last twelve months when it names none or a wrong one. */
export function periodOf(params: SearchParams, now: Date): { period: Period; chosen: boolean } {
  const from = one(params.from);
  const to = one(params.to);
  if (from && to && MONTH_PATTERN.test(from) && MONTH_PATTERN.test(to) && from <= to) {
    return { period: { from, to }, chosen: true };
  }
  return { period: lastTwelveMonths(now), chosen: false };
}

/** The query that keeps the period when following a link. */
export const periodQuery = (p: Period) => ({ from: p.from, to: p.to });

/** A value from a fixed list in the address, or the default. */
export function choiceOf<T extends string>(
  value: string | string[] | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = one(value);
  return v !== undefined && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

export type ValueKind = "rate" | "days" | "quality" | "count";

type NumberFormatter = Pick<ReturnType<typeof createFormatter>, "number">;

export function formatValue(
  format: NumberFormatter,
  kind: ValueKind,
  value: number | null,
  none: string,
): string {
  if (value === null) return none;
  switch (kind) {
    case "rate":
      return format.number(value, { style: "percent", maximumFractionDigits: 1 });
    case "quality":
      return format.number(value, { maximumFractionDigits: 2, minimumFractionDigits: 1 });
    default:
      return format.number(value, { maximumFractionDigits: 0 });
  }
}

/**
 * The league table shows this many bodies a page: all 150 at once made the dashboard 660 KB, too much for
 * a phone to fetch or a reader to take in; the export has them all.
 */
export const LEAGUE_PAGE_SIZE = 50;

/** One page of the league table's rows, by the page number in the address (1 when it names none or a wrong one). */
export function leaguePage<T>(rows: readonly T[], requested: string | string[] | undefined) {
  const pageCount = Math.max(Math.ceil(rows.length / LEAGUE_PAGE_SIZE), 1);
  const n = Number(one(requested));
  const page = Number.isInteger(n) && n >= 1 ? Math.min(n, pageCount) : 1;
  const start = (page - 1) * LEAGUE_PAGE_SIZE;
  const shown = rows.slice(start, start + LEAGUE_PAGE_SIZE);
  return { rows: shown, page, pageCount, from: start + 1, to: start + shown.length, count: rows.length };
}
