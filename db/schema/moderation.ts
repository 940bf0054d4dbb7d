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
  uuid,
} from "drizzle-orm/pg-core";
import { appeals } from "./appeals";
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
    // The log entry that set the current visibility; a trigger refuses a change without a new entry.
    logSeq: bigint({ mode: "number" }),
    // What the public may read and search, redactions removed; null whenever the appeal is not public.
    publicSubject: text(),
    publicText: text(),
    search: tsvector().generatedAlwaysAs((): SQL => searchDocument(appealPublications)),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    changedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("appeal_publications_search_idx").using("gin", t.search),
    index("appeal_publications_visibility_idx").on(t.visibility),
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
    appealId: uuid()
      .notNull()
      .references(() => appeals.id),
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
  ],
);

// Salts of the private bindings, kept apart so that erasing personal data never touches the log.
export const moderationBindingSalts = pgTable("moderation_binding_salts", {
  seq: bigint({ mode: "number" }).primaryKey(),
  salt: text().notNull(),
});

export const contestStatus = pgEnum("contest_status", ["open", "upheld", "reversed"]);

// A citizen may contest a decision on their appeal once; a different moderator decides.
export const moderationContests = pgTable("moderation_contests", {
  appealId: uuid()
    .primaryKey()
    .references(() => appeals.id),
  contestedSeq: bigint({ mode: "number" }).notNull(),
  reason: text().notNull(),
  status: contestStatus().notNull().default("open"),
  decidedSeq: bigint({ mode: "number" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const logCheckpoints = pgTable("log_checkpoints", {
  treeSize: integer().primaryKey(),
  rootHash: text().notNull(),
  signedAt: timestamp({ withTimezone: true }).notNull(),
  keyId: text().notNull(),
  signature: text().notNull(),
});
