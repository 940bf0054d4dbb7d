import { index, integer, pgTable, primaryKey, real, timestamp, uuid } from "drizzle-orm/pg-core";
import { stateBodies } from "./state-bodies";

/**
 * The body-suggestion model (server/body-suggestion): a multinomial naive Bayes over hashed character
 * n-grams of appeal texts, stored as counts so that a suggestion is one indexed query. Rebuilt whole by the
 * nightly job; nothing else writes here.
 */
export const bodySuggestionFeatures = pgTable(
  "body_suggestion_features",
  {
    // Hashed n-gram (or region/category token), in [0, 2^20).
    feature: integer().notNull(),
    bodyId: uuid()
      .notNull()
      .references(() => stateBodies.id, { onDelete: "cascade" }),
    // Weighted occurrences in the texts of appeals that ended at this body.
    count: real().notNull(),
  },
  (t) => [primaryKey({ columns: [t.feature, t.bodyId] })],
);

/** Per body: how many (weighted) appeals ended there and how many n-grams they held, for the priors. */
export const bodySuggestionBodies = pgTable(
  "body_suggestion_bodies",
  {
    bodyId: uuid()
      .primaryKey()
      .references(() => stateBodies.id, { onDelete: "cascade" }),
    documents: real().notNull(),
    tokens: real().notNull(),
    trainedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("body_suggestion_bodies_trained_idx").on(t.trainedAt)],
);

export const BODY_SUGGESTION_INTEGER = integer;
