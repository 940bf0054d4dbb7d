import { type SQL, sql } from "drizzle-orm";
import { FORMAL_MIN_COPIES } from "./answer-signature";

/**
 * The figures an auditor can open: each is a condition on an appeal's facts row, the same one the
 * dashboards count (appeal-facts-sql.ts), so the list behind a figure has exactly as many appeals.
 */
export const FIGURES = {
  received: sql`true`,
  due: sql`f.due`,
  answered: sql`f.answered`,
  onTime: sql`f.on_time`,
  late: sql`f.due and not f.on_time`,
  overdue: sql`f.overdue`,
  forwarded: sql`f.forwards >= 1`,
  pingPong: sql`f.forwards >= 2`,
  extended: sql`f.extended`,
  clarified: sql`f.clarified`,
  rated: sql`f.outcome is not null`,
  resolved: sql`f.outcome = 'resolved'`,
  partly: sql`f.outcome = 'partly'`,
  notResolved: sql`f.outcome = 'not_resolved'`,
  heard: sql`f.heard`,
  complained: sql`f.complained`,
  complaintUpheld: sql`f.complaint_upheld`,
  formal: sql`coalesce(f.similar_answers, 0) >= ${FORMAL_MIN_COPIES}`,
  declined: sql`f.declined`,
  hidden: sql`f.hidden`,
  redacted: sql`f.redacted`,
  reversed: sql`f.reversed`,
} as const satisfies Record<string, SQL>;

export type Figure = keyof typeof FIGURES;
export const FIGURE_NAMES = Object.keys(FIGURES) as [Figure, ...Figure[]];
