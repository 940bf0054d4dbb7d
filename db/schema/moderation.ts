import { type SQL, sql } from "drizzle-orm";
import {
  bigint,
  check,
  customType,
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
import { appealCategory } from "./state-bodies";
import { users } from "./users";

// What the public sees of an appeal whose author allowed publication. Delivery to the body never waits for it.
export const PUBLIC_VISIBILITIES = [
  "pending",
  "published",
  "published_redacted",
  "declined",
  "hidden",
] as const;
export const publicVisibility = pgEnum("public_visibility", PUBLIC_VISIBILITIES);

export const MODERATION_ACTIONS = [
  "publish",
  "publish_redacted",
  "decline",
  "hide",
  "restore",
  "contest_upheld",
  "contest_reversed",
  // The body's answer reviewed for personal data before the public reads it (issue 14).
  "publish_answer",
  // A contest ending in publication with the redactions the deciding moderator set.
  "contest_amended",
  // A grading round's seed: its SHA-256 before the sample is drawn, the seed itself when the round closes.
  "grading_seed_committed",
  "grading_seed_revealed",
] as const;
export const moderationAction = pgEnum("moderation_action", MODERATION_ACTIONS);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

// Kazakh has no stemmer in PostgreSQL: 'simple' matches its words as written; Russian and English stem.
const searchDocument = (t: { publicSubject: unknown; publicText: unknown }): SQL => sql`
  to_tsvector('simple', coalesce(${t.publicSubject}, '') || ' ' || coalesce(${t.publicText}, ''))
  || to_tsvector('russian', coalesce(${t.publicSubject}, '') || ' ' || coalesce(${t.publicText}, ''))
  || to_tsvector('english', coalesce(${t.publicSubject}, '') || ' ' || coalesce(${t.publicText}, ''))`;

export const appealPublications = pgTable(
  "appeal_publications",
  {
    appealId: uuid()
      .primaryKey()
      .references(() => appeals.id),
    visibility: publicVisibility().notNull().default("pending"),
    // Spans [start, end) of the appeal text replaced by "[redacted: personal data]" on public read paths.
    redactions: jsonb().$type<{ start: number; end: number }[]>().notNull().default([]),
    // The same for the subject, which is published only as a moderator reviewed it.
    subjectRedactions: jsonb().$type<{ start: number; end: number }[]>().notNull().default([]),
    // The same for each text of the body's answer; the answer is public only once answerLogSeq is set.
    answerRedactions: jsonb()
      .$type<Partial<Record<"text" | "legalGrounds" | "appealRights", { start: number; end: number }[]>>>()
      .notNull()
      .default({}),
    // The log entry that reviewed the answer; null while there is none or nobody has reviewed it.
    answerLogSeq: bigint({ mode: "number" }),
    // The log entry that set the current visibility; a trigger refuses a change without a new entry.
    logSeq: bigint({ mode: "number" }),
    // What the public may read and search, redactions removed; null whenever the appeal is not public.
    publicSubject: text(),
    publicText: text(),
    search: tsvector().generatedAlwaysAs((): SQL => searchDocument(appealPublications)),
    // When the appeal was filed with its consent (file-appeal.ts writes the filing time): never before
    // the filing, so the newest public matches of a search can be looked for among recent rows first.
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    changedAt: timestamp({ withTimezone: true }),
    // The appeal's region, category and body, kept beside the search column so that a search within a
    // region is filtered on the rows the word index finds, without looking each match up in appeals. A
    // trigger on appeals keeps them in step when an appeal is forwarded (migration 0033).
    region: text(),
    category: appealCategory().notNull(),
    bodyId: uuid().notNull(),
  },
  (t) => [
    // The words and the place together, over public rows only: a search within a region, category or
    // body intersects their lists inside the index (btree_gin) instead of reading every match's row.
    index("appeal_publications_public_search_idx")
      .using("gin", t.search, t.region, t.category, t.bodyId)
      .where(sql`${t.visibility} in ('published', 'published_redacted')`),
    index("appeal_publications_visibility_idx").on(t.visibility),
    index("appeal_publications_public_submitted_idx")
      .on(t.submittedAt)
      .where(sql`${t.visibility} in ('published', 'published_redacted')`),
  ],
);

// "Me too": one support per citizen and public appeal.
export const appealSupports = pgTable(
  "appeal_supports",
  {
    appealId: uuid()
      .notNull()
      .references(() => appeals.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.appealId, t.userId] })],
);

/**
 * The public moderation log. Append-only (triggers refuse UPDATE, DELETE, TRUNCATE); numbered without
 * gaps; each entry's hash covers its canonical public content (RFC 8785) including the previous hash,
 * and the entries are the leaves of an RFC 6962 Merkle tree whose signed checkpoints are published.
 */
export const moderationLog = pgTable(
  "moderation_log",
  {
    seq: bigint({ mode: "number" }).primaryKey(),
    // Null on the entries of grading rounds, which are about a sample, not one appeal.
    appealId: uuid().references(() => appeals.id),
    action: moderationAction().notNull(),
    // The exact canonical JSON that was hashed: verification needs nothing but this.
    canonical: text().notNull(),
    entryHash: text().notNull(),
    leafHash: text().notNull(),
    // Private: who moderated. Only the salted binding in `canonical` is public.
    moderatorId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("moderation_log_appeal_idx").on(t.appealId),
    check("moderation_log_seq_positive", sql`${t.seq} > 0`),
    check(
      "moderation_log_appeal_unless_grading",
      sql`(${t.appealId} is null) = starts_with(${t.action}::text, 'grading_')`,
    ),
  ],
);

// Salts of the private bindings, kept apart so that erasing personal data never touches the log.
export const moderationBindingSalts = pgTable("moderation_binding_salts", {
  seq: bigint({ mode: "number" }).primaryKey(),
  salt: text().notNull(),
});

export const contestStatus = pgEnum("contest_status", ["open", "upheld", "reversed", "amended"]);

// A citizen may contest each decision on their appeal once (keyed by the contested entry), so a new
// restriction after a reversal can be contested again; a different moderator decides; one open at a time.
export const moderationContests = pgTable(
  "moderation_contests",
  {
    appealId: uuid()
      .notNull()
      .references(() => appeals.id),
    contestedSeq: bigint({ mode: "number" }).primaryKey(),
    reason: text().notNull(),
    status: contestStatus().notNull().default("open"),
    decidedSeq: bigint({ mode: "number" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("moderation_contests_one_open_idx").on(t.appealId).where(sql`${t.status} = 'open'`)],
);

export const logCheckpoints = pgTable("log_checkpoints", {
  treeSize: integer().primaryKey(),
  rootHash: text().notNull(),
  signedAt: timestamp({ withTimezone: true }).notNull(),
  keyId: text().notNull(),
  signature: text().notNull(),
});
