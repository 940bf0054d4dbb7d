import { type SQL, sql } from "drizzle-orm";
import { CAME_BACK } from "./answer-figures";
import { FORMAL_MIN_COPIES } from "./answer-signature";

/**
 * The figures an auditor can open: each is a condition on an appeal's facts row, the same one the
 * dashboards count (appeal-facts-sql.ts), so the list behind a figure has exactly as many appeals.
 */
const clock = (condition: SQL) =>
  sql`exists (select 1 from metrics_clock_facts k where k.appeal_id = f.appeal_id and ${condition})`;
const answerIs = (condition: SQL) => sql`exists (
  select 1 from appeals a join appeal_answers ans on ans.appeal_id = a.id join state_bodies b on b.id = a.body_id
  where a.id = f.appeal_id and ${condition})`;

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
  // What the answers say (answer-figures.ts): the same conditions, read from the answer of the appeal.
  explained: answerIs(sql`ans.decision = 'explained'`),
  leftWithoutConsideration: answerIs(sql`ans.decision = 'left_without_consideration'`),
  saidSatisfiedNotResolved: sql`f.outcome = 'not_resolved' and ${answerIs(sql`ans.decision = 'satisfied'`)}`,
  cameBack: answerIs(CAME_BACK),
  unlawfulLanguage: answerIs(sql`ans.lawful_language = false`),
  noLegalGround: answerIs(sql`ans.names_legal_ground = false`),
  declined: sql`f.declined`,
  hidden: sql`f.hidden`,
  redacted: sql`f.redacted`,
  reversed: sql`f.reversed`,
  // The clock figures (clock-facts-sql.ts), read from the appeal's row of metrics_clock_facts.
  onTimeOriginal: clock(sql`k.on_time_original`),
  returned: clock(sql`k.returned`),
  toAccused: clock(sql`k.to_accused`),
  pausedNow: clock(sql`k.paused_now`),
  pausedPastDue: clock(sql`k.paused_past_due`),
} as const satisfies Record<string, SQL>;

export type Figure = keyof typeof FIGURES;
export const FIGURE_NAMES = Object.keys(FIGURES) as [Figure, ...Figure[]];
