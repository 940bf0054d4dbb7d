import { SMALL_BASE } from "./metric-set";
import { wilson } from "./survival";

/** The league table's figures, and what each is a share of (docs/metrics.md, "Ranking"). */
export type RankedFigure =
  | "received"
  | "responseRate"
  | "onTimeRate"
  | "overdue"
  | "medianDays"
  | "p90Days"
  | "meanQuality"
  | "heardShare"
  | "complaintRate"
  | "formalShare";

type Row = { code: string; received: number; due: number; answered: number; rated: number } & Record<
  RankedFigure,
  number | null
>;

/** Each figure's own denominator: how many appeals stand behind it. */
export function baseOf(row: Row, figure: RankedFigure): number {
  switch (figure) {
    case "received":
      return row.received;
    case "responseRate":
    case "onTimeRate":
    case "overdue":
      return row.due;
    case "medianDays":
    case "p90Days":
    case "complaintRate":
    case "formalShare":
      return row.answered;
    case "meanQuality":
    case "heardShare":
      return row.rated;
  }
}

const PROPORTIONS: ReadonlySet<RankedFigure> = new Set([
  "responseRate",
  "onTimeRate",
  "heardShare",
  "complaintRate",
  "formalShare",
]);

/**
 * The value a row is ranked by: for a share, the end of its 95% Wilson interval that the order favours
 * least (the lower bound when higher ranks first, the upper bound when lower ranks first), so a rate
 * earned on few appeals does not outrank the same rate earned on many; otherwise the figure itself.
 */
export function scoreOf(row: Row, figure: RankedFigure, order: "asc" | "desc"): number | null {
  const value = row[figure];
  if (value === null || !PROPORTIONS.has(figure)) return value;
  const n = baseOf(row, figure);
  const interval = wilson(Math.round(value * n), n);
  if (!interval) return null;
  return order === "desc" ? interval.lower : interval.upper;
}

/**
 * Sorts best (or worst) first by score. A figure with nothing behind it goes last; one whose own
 * denominator is under SMALL_BASE is listed after every figure with enough data, whatever its score;
 * ties keep the code order.
 */
export function rankLeague<T extends Row>(
  rows: readonly T[],
  figure: RankedFigure,
  order: "asc" | "desc",
): (T & { base: number; score: number | null; small: boolean })[] {
  const sign = order === "asc" ? 1 : -1;
  return rows
    .map((r) => {
      const base = baseOf(r, figure);
      return { ...r, base, score: scoreOf(r, figure, order), small: base < SMALL_BASE };
    })
    .sort((a, b) => {
      if (a.score === null || b.score === null) {
        if (a.score !== b.score) return a.score === null ? 1 : -1;
        return a.code.localeCompare(b.code);
      }
      if (a.small !== b.small) return a.small ? 1 : -1;
      return a.score === b.score ? a.code.localeCompare(b.code) : (a.score - b.score) * sign;
    });
}
