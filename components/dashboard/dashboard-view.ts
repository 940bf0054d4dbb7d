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
