import { index, integer, pgTable, smallint, timestamp, uuid } from "drizzle-orm/pg-core";
import { appeals } from "./appeals";
import { stateBodies } from "./state-bodies";

/**
 * A MinHash signature of each answer's normalised text, written with the answer
 * (server/metrics/record-answer-signature.ts), so that near-copies are found inside PostgreSQL through
 * the banded index instead of comparing texts. `nearCopies` is counted once, when the answer is written:
 * how many earlier answers of the same body in the window are near-copies (docs/metrics.md "Formal
 * replies"). Derived data: rebuilt from the answers by signUnsignedAnswers if lost.
 */
export const answerSignatures = pgTable(
  "answer_signatures",
  {
    appealId: uuid()
      .primaryKey()
      .references(() => appeals.id),
    bodyId: uuid()
      .notNull()
      .references(() => stateBodies.id),
    answeredAt: timestamp({ withTimezone: true }).notNull(),
    minhash: integer().array().notNull(),
    // One hash per band of the signature, salted with the body: two answers of one body sharing any band
    // are candidates (locality-sensitive hashing).
    bands: integer().array().notNull(),
    nearCopies: smallint().notNull(),
  },
  (t) => [
    index("answer_signatures_bands_idx").using("gin", t.bands),
    index("answer_signatures_body_answered_idx").on(t.bodyId, t.answeredAt),
  ],
);
