import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { answerDecision, ratingOutcome } from "./appeals";
import { appealKind } from "./calendar";
import { appealCategory, stateBodies } from "./state-bodies";

/**
 * The dashboards read these tables, never the appeals themselves: they are derived data, rebuilt by
 * server/metrics/refresh-metrics.ts from the appeals, their events and the moderation log (docs/metrics.md
 * defines every column). Dropping them loses nothing.
 *
 * The facts tables carry no foreign keys: only the refresh writes them, from the rows it reads, and the
 * per-row checks (a share lock taken on each appeal and body) were most of a rebuild's writing time.
 */

/** One row per appeal: what each metric needs to know about it, as of the last refresh. */
export const metricsAppealFacts = pgTable(
  "metrics_appeal_facts",
  {
    appealId: uuid().primaryKey(),
    // The body that holds the appeal now (after any forwards) and that body's region.
    bodyId: uuid().notNull(),
    region: text(),
    category: appealCategory().notNull(),
    kind: appealKind().notNull(),
    // First day of the month the appeal was filed in, Almaty time.
    month: date({ mode: "string" }).notNull(),
    due: boolean().notNull(),
    answered: boolean().notNull(),
    onTime: boolean().notNull(),
    overdue: boolean().notNull(),
    overdueDays: integer(),
    answerDays: integer(),
    forwards: integer().notNull(),
    extended: boolean().notNull(),
    clarified: boolean().notNull(),
    outcome: ratingOutcome(),
    quality: smallint(),
    heard: boolean(),
    complained: boolean().notNull(),
    complaintUpheld: boolean().notNull(),
    // Counted near-copies among earlier-counted answers of the same body and quarter; null until counted.
    similarAnswers: integer(),
    // What the answer says (answer-figures.ts); all null while unanswered. Lawful language and a named
    // legal ground are null too for answers sent before the pre-send check existed.
    decision: answerDecision(),
    lawfulLanguage: boolean(),
    namesLegalGround: boolean(),
    declined: boolean().notNull(),
    hidden: boolean().notNull(),
    redacted: boolean().notNull(),
    reversed: boolean().notNull(),
    refreshedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("metrics_appeal_facts_body_month_idx").on(t.bodyId, t.month),
    index("metrics_appeal_facts_overdue_idx").on(t.appealId).where(sql`${t.overdue}`),
  ],
);

/**
 * Every count a dashboard shows, one column each (metric-set.ts COUNT_COLUMNS), built afresh for each
 * table that holds them.
 */
const countColumns = () => ({
  received: integer().notNull(),
  application: integer().notNull(),
  message: integer().notNull(),
  response: integer().notNull(),
  proposal: integer().notNull(),
  request: integer().notNull(),
  complaint: integer().notNull(),
  due: integer().notNull(),
  answered: integer().notNull(),
  onTime: integer().notNull(),
  overdue: integer().notNull(),
  forwarded: integer().notNull(),
  pingPong: integer().notNull(),
  extended: integer().notNull(),
  clarified: integer().notNull(),
  rated: integer().notNull(),
  resolved: integer().notNull(),
  partly: integer().notNull(),
  notResolved: integer().notNull(),
  qualitySum: integer().notNull(),
  heard: integer().notNull(),
  complained: integer().notNull(),
  complaintUpheld: integer().notNull(),
  formal: integer().notNull(),
  declined: integer().notNull(),
  hidden: integer().notNull(),
  redacted: integer().notNull(),
  reversed: integer().notNull(),
});

/** Sums of the facts per body, month filed and category: every count a dashboard shows. */
export const metricsMonthly = pgTable(
  "metrics_monthly",
  {
    bodyId: uuid()
      .notNull()
      .references(() => stateBodies.id),
    month: date({ mode: "string" }).notNull(),
    category: appealCategory().notNull(),
    region: text(),
    ...countColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.month, t.category] }),
    index("metrics_monthly_month_idx").on(t.month),
    index("metrics_monthly_region_month_idx").on(t.region, t.month),
  ],
);

/**
 * The same sums per body and month, over every category: what all but the category breakdown read. A
 * year of the league table sums 1 800 rows here instead of 7 300, each of some thirty columns.
 */
export const metricsBodyMonthly = pgTable(
  "metrics_body_monthly",
  {
    bodyId: uuid()
      .notNull()
      .references(() => stateBodies.id),
    month: date({ mode: "string" }).notNull(),
    region: text(),
    ...countColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.month] }),
    index("metrics_body_monthly_month_idx").on(t.month),
    index("metrics_body_monthly_region_month_idx").on(t.region, t.month),
  ],
);

export const dayMeasure = pgEnum("metrics_day_measure", ["answer", "overdue"]);

/**
 * Histograms of working days per body and month filed: to answer, and past due for appeals still
 * unanswered. Sums of these give exact medians and 90th percentiles for any body, region or period.
 * One row per body, month and measure, the histogram sparse as text, "days:appeals" pairs in ascending
 * days ("0:12 1:40 3:7"): a year of the league table reads 1 800 rows instead of the 50 000 a row per
 * number of days made on a million appeals, and as text, because turning integer arrays into text for
 * the client took PostgreSQL five times as long as reading the rows.
 */
export const metricsDayHistograms = pgTable(
  "metrics_day_histograms",
  {
    bodyId: uuid()
      .notNull()
      .references(() => stateBodies.id),
    month: date({ mode: "string" }).notNull(),
    measure: dayMeasure().notNull(),
    region: text(),
    histogram: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.month, t.measure] }),
    index("metrics_day_histograms_month_idx").on(t.measure, t.month),
  ],
);

/**
 * What the answers say, per body, month filed, decision and the citizen's verdict (null: not rated):
 * the answer figures of the dashboards and the open data (answer-figures.ts), each count with its base.
 */
export const metricsAnswerMonthly = pgTable(
  "metrics_answer_monthly",
  {
    bodyId: uuid()
      .notNull()
      .references(() => stateBodies.id),
    month: date({ mode: "string" }).notNull(),
    region: text(),
    decision: answerDecision().notNull(),
    outcome: ratingOutcome(),
    answered: integer().notNull(),
    checked: integer().notNull(),
    lawful: integer().notNull(),
    grounded: integer().notNull(),
    formal: integer().notNull(),
  },
  (t) => [
    unique("metrics_answer_monthly_key").on(t.bodyId, t.month, t.decision, t.outcome).nullsNotDistinct(),
    index("metrics_answer_monthly_month_idx").on(t.month),
  ],
);

/**
 * Answered appeals with an author, and those of them whose author came back (answer-figures.ts CAME_BACK),
 * per body and month filed: counted whole each night by count-came-back.ts, as of
 * metrics_state.came_back_counted_at, since whether an answer came back is settled only 180 days after it.
 */
export const metricsCameBackMonthly = pgTable(
  "metrics_came_back_monthly",
  {
    bodyId: uuid()
      .notNull()
      .references(() => stateBodies.id),
    month: date({ mode: "string" }).notNull(),
    region: text(),
    cameBack: integer().notNull(),
    cameBackBase: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.month] }),
    index("metrics_came_back_monthly_month_idx").on(t.month),
  ],
);

/** Working days from 1 January 2020 up to and including each date: a difference is a working-day count. */
export const metricsWorkingDays = pgTable("metrics_working_days", {
  date: date({ mode: "string" }).primaryKey(),
  ordinal: integer().notNull(),
});

/** Where the last refresh stopped: one row. */
export const metricsState = pgTable("metrics_state", {
  id: smallint().primaryKey().default(1),
  lastEventId: bigint({ mode: "number" }).notNull().default(0),
  lastLogSeq: bigint({ mode: "number" }).notNull().default(0),
  refreshedAt: timestamp({ withTimezone: true }),
  calendarVersion: text(),
  cameBackCountedAt: timestamp({ withTimezone: true }),
});

/**
 * Dashboard figures as computed after the refresh that `refreshedAt` names (server/metrics/figures-cache.ts):
 * served while that refresh is the latest, deleted by the next. A cache, so nothing else reads it.
 */
export const metricsFiguresCache = pgTable("metrics_figures_cache", {
  key: text().primaryKey(),
  refreshedAt: timestamp({ withTimezone: true }).notNull(),
  value: jsonb().notNull(),
});
