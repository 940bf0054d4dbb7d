import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

import { stateBodies } from "./state-bodies";

/**
 * The figures that keep a body from resetting the clock (forwards, pauses, extensions) and the honest
 * statistics beside them (docs/metrics.md, "The clock cannot be reset"). Derived data like metrics.ts,
 * rebuilt by server/metrics/refresh-clock-facts.ts in the same transaction as the other summaries.
 */

/** One row per appeal, as of the last refresh. */
export const metricsClockFacts = pgTable(
  "metrics_clock_facts",
  {
    appealId: uuid().primaryKey(),
    bodyId: uuid().notNull(),
    region: text(),
    month: date({ mode: "string" }).notNull(),
    // Working days from the filing to the answer (the citizen's wait), and from receipt by the body
    // that answered (that body's own time); null while unanswered.
    answerDays: integer(),
    bodyAnswerDays: integer(),
    // Unanswered: the working-day ordinal of the filing date, so that the age is today's ordinal minus it.
    openSinceOrdinal: integer(),
    // Closed without an answer: the working days it had waited when closed (censored there).
    censoredDays: integer(),
    // Answered by the deadline as it stood before any extension.
    onTimeOriginal: boolean().notNull(),
    pausedNow: boolean().notNull(),
    pausedEver: boolean().notNull(),
    pausedPastDue: boolean().notNull(),
    // Working days of finished pauses; for a pause still running, the ordinal its length counts from.
    pausedDays: integer(),
    pausedSinceOrdinal: integer(),
    // Forwarded back to a body that already had it (A→B→A); a complaint forwarded to the accused body.
    returned: boolean().notNull(),
    toAccused: boolean().notNull(),
    complaintDecided: boolean().notNull(),
    refreshedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("metrics_clock_facts_body_month_idx").on(t.bodyId, t.month)],
);

/** One row per forward, counted for the body that sent the appeal away. */
export const metricsForwardFacts = pgTable(
  "metrics_forward_facts",
  {
    eventId: bigint({ mode: "number" }).primaryKey(),
    appealId: uuid().notNull(),
    fromBodyId: uuid().notNull(),
    region: text(),
    // The month the appeal was filed in, as for every other figure.
    month: date({ mode: "string" }).notNull(),
    // Past the 3 working days for forwarding (APPC Art. 76), and past the sender's own deadline.
    late: boolean().notNull(),
    afterDue: boolean().notNull(),
    // Working days the appeal spent at the sender before it left.
    stayDays: integer(),
    returned: boolean().notNull(),
    toAccused: boolean().notNull(),
  },
  (t) => [
    index("metrics_forward_facts_body_month_idx").on(t.fromBodyId, t.month),
    index("metrics_forward_facts_appeal_idx").on(t.appealId),
  ],
);

/** Sums per body and month filed: appeals it holds, and forwards it sent. */
export const metricsClockMonthly = pgTable(
  "metrics_clock_monthly",
  {
    bodyId: uuid()
      .notNull()
      .references(() => stateBodies.id),
    month: date({ mode: "string" }).notNull(),
    region: text(),
    onTimeOriginal: integer().notNull(),
    pausedNow: integer().notNull(),
    pausedEver: integer().notNull(),
    pausedPastDue: integer().notNull(),
    returned: integer().notNull(),
    toAccused: integer().notNull(),
    complaintDecided: integer().notNull(),
    forwardedAway: integer().notNull(),
    forwardsLate: integer().notNull(),
    forwardsAfterDue: integer().notNull(),
    forwardsReturned: integer().notNull(),
    forwardsToAccused: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.month] }), index("metrics_clock_monthly_month_idx").on(t.month)],
);

export const clockMeasure = pgEnum("metrics_clock_measure", [
  // Working days filing → answer (Kaplan–Meier events) and the filing ordinal of open appeals (censored).
  "answered",
  "open_since",
  // Closed without an answer: censored at the age it had when closed.
  "censored",
  // The answering body's own time, from receipt.
  "body_answer",
  // Finished pauses' length; running pauses by the ordinal their length counts from.
  "paused",
  "paused_since",
  // Working days at the sender before a forward.
  "stay",
]);

/** Histograms per body and month filed: exact medians, percentiles and survival curves for any scope. */
export const metricsClockDays = pgTable(
  "metrics_clock_days",
  {
    bodyId: uuid()
      .notNull()
      .references(() => stateBodies.id),
    month: date({ mode: "string" }).notNull(),
    measure: clockMeasure().notNull(),
    days: integer().notNull(),
    region: text(),
    count: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.month, t.measure, t.days] }),
    index("metrics_clock_days_month_idx").on(t.measure, t.month),
  ],
);
