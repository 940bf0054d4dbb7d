import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { appeals } from "./appeals";
import { stateBodies } from "./state-bodies";
import { users } from "./users";

/** A round's life: its seed's hash is public (committed), its sample drawn (grading), its results out (closed). */
export const GRADING_ROUND_STATUSES = ["committed", "grading", "closed"] as const;
export const gradingRoundStatus = pgEnum("grading_round_status", GRADING_ROUND_STATUSES);

export type RubricItemSnapshot = {
  key: string;
  scale: { value: number; label: { kk: string; ru: string; en: string } }[];
  meetsAt: number;
  label: { kk: string; ru: string; en: string };
};
// A stratum as drawn: the body, its answered appeals then as tokens (server/grading/draw-sample.ts; what
// anyone re-draws from, naming no appeal) and how many were sampled.
export type StratumSnapshot = { bodyId: string; bodyCode: string; population: string[]; sampleSize: number };

/**
 * A blind-sample grading round (docs/grading.md). The seed is secret until the round closes; only its
 * SHA-256 is public from the start, in the moderation log entry `commitSeq`, so the sample cannot be
 * chosen after the fact. The rubric and the strata are copied in: a later rubric edit never rewrites a
 * published round.
 */
export const gradingRounds = pgTable(
  "grading_rounds",
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    status: gradingRoundStatus().notNull().default("committed"),
    // The filing months of the appeals in scope, as the dashboards' periods: "YYYY-MM".
    periodFrom: text().notNull(),
    periodTo: text().notNull(),
    // The bodies in scope; empty: every body with answered appeals in the period.
    bodyIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    marginOfError: doublePrecision().notNull(),
    confidence: doublePrecision().notNull(),
    rubricVersion: text().notNull(),
    rubric: jsonb().$type<RubricItemSnapshot[]>().notNull(),
    seed: text().notNull(),
    seedSha256: text().notNull(),
    commitSeq: bigint({ mode: "number" }).notNull(),
    revealSeq: bigint({ mode: "number" }),
    strata: jsonb().$type<StratumSnapshot[]>(),
    sampleSha256: text(),
    openedById: uuid()
      .notNull()
      .references(() => users.id),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    drawnAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check("grading_rounds_margin", sql`${t.marginOfError} > 0 and ${t.marginOfError} < 1`),
    check("grading_rounds_confidence", sql`${t.confidence} > 0 and ${t.confidence} < 1`),
  ],
);

/** One sampled answered appeal; `position` is its place in the stratum's population, as the draw chose it. */
export const gradingItems = pgTable(
  "grading_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid()
      .notNull()
      .references(() => gradingRounds.id),
    appealId: uuid()
      .notNull()
      .references(() => appeals.id),
    bodyId: uuid()
      .notNull()
      .references(() => stateBodies.id),
    populationIndex: integer().notNull(),
    // The item's number within the round, what graders and the export call it: never the body's name.
    label: integer().notNull(),
  },
  (t) => [
    uniqueIndex("grading_items_round_appeal_idx").on(t.roundId, t.appealId),
    uniqueIndex("grading_items_round_label_idx").on(t.roundId, t.label),
  ],
);

/** One grader's scores of one item, one per rubric key; the key makes a second grading of the same item fail. */
export const gradingGrades = pgTable(
  "grading_grades",
  {
    itemId: uuid()
      .notNull()
      .references(() => gradingItems.id),
    graderId: uuid()
      .notNull()
      .references(() => users.id),
    scores: jsonb().$type<Record<string, number>>().notNull(),
    gradedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.graderId] }), index("grading_grades_grader_idx").on(t.graderId)],
);
