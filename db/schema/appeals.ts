import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { appealKind } from "./calendar";
import { appealCategory, stateBodies } from "./state-bodies";
import { users } from "./users";

export const APPEAL_STATUSES = [
  "registered",
  "in_progress",
  "awaiting_clarification",
  "answered",
  "closed",
] as const;
export const appealStatus = pgEnum("appeal_status", APPEAL_STATUSES);
export const appealChannel = pgEnum("appeal_channel", ["online", "assisted", "open311"]);
// What the body decided, as the practice records it (docs/metrics.md "Outcomes"): "explained" (the law or
// the procedure is explained, nothing is done) and "left_without_consideration" are never a resolution.
export const answerDecision = pgEnum("answer_decision", [
  "satisfied",
  "partly_satisfied",
  "refused",
  "explained",
  "left_without_consideration",
]);
export const ratingOutcome = pgEnum("rating_outcome", ["resolved", "partly", "not_resolved"]);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const appeals = pgTable(
  "appeals",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Registration number shown to the citizen, e.g. ЖТ-2026-000123: gapless per year.
    number: text().notNull().unique(),
    kind: appealKind().notNull(),
    status: appealStatus().notNull().default("registered"),
    category: appealCategory().notNull(),
    region: text(),
    bodyId: uuid()
      .notNull()
      .references(() => stateBodies.id),
    subject: text().notNull(),
    text: text().notNull(),
    // The author's account; null for anonymous reports and for assisted filings without an account.
    authorId: uuid().references(() => users.id),
    // Personal data of the applicant as filed: never public, shown only to the applicant and the body.
    applicantName: text(),
    applicantEmail: text(),
    applicantPhone: text(),
    // Set when the applicant proved the phone theirs by a code sent to it: only then do SMS notices go
    // there and does a status query from it get an answer (docs/sms.md).
    applicantPhoneVerifiedAt: timestamp({ withTimezone: true }),
    applicantAddress: text(),
    anonymous: boolean().notNull().default(false),
    channel: appealChannel().notNull().default("online"),
    filedById: uuid().references(() => users.id),
    consentRecordedAt: timestamp({ withTimezone: true }),
    // Lets a citizen without an account follow the appeal: only a hash of the printed code is kept.
    accessCodeHash: text(),
    publishConsent: boolean().notNull().default(false),
    // Where the problem is (Open311 lat/long/address_string): a place, not the applicant's address.
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    locationText: text(),
    // The language the applicant wrote in: answers and notices reach them in it.
    locale: text().notNull().default("kk"),
    executorId: uuid().references(() => users.id),
    // A complaint about an answer points to the appeal it is about.
    complaintOfId: uuid().references((): AnyPgColumn => appeals.id),
    filedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    registeredOn: date({ mode: "string" }).notNull(),
    // Received by the current body (differs from filedAt after a forward); the terms count from here.
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    extendedAt: timestamp({ withTimezone: true }),
    pausedAt: timestamp({ withTimezone: true }),
    overdueAt: timestamp({ withTimezone: true }),
    answeredAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    forwardCount: integer().notNull().default(0),
    idempotencyKey: text(),
    requestHash: text(),
  },
  (t) => [
    index("appeals_body_status_due_idx").on(t.bodyId, t.status, t.dueAt),
    index("appeals_author_idx").on(t.authorId, t.filedAt),
    // Open311 lists and the exports read "the newest in a date range" (docs/performance.md).
    index("appeals_filed_at_idx").on(t.filedAt),
    // The public list filtered by region, or region and category, newest first: without it such a search
    // read every appeal (700 ms p50 on a million, docs/performance.md).
    index("appeals_region_category_filed_idx").on(t.region, t.category, t.filedAt),
    index("appeals_open_due_idx").on(t.dueAt).where(sql`${t.status} not in ('answered', 'closed')`),
    uniqueIndex("appeals_idempotency_key").on(t.idempotencyKey),
    check("appeals_anonymous_has_no_author", sql`not ${t.anonymous} or ${t.authorId} is null`),
  ],
);

// The appeal's history. Append-only: a trigger in the migration refuses UPDATE and DELETE.
export const appealEvents = pgTable(
  "appeal_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    appealId: uuid()
      .notNull()
      .references(() => appeals.id),
    type: text().notNull(),
    actorId: uuid().references(() => users.id),
    actorRole: text(),
    bodyId: uuid().references(() => stateBodies.id),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("appeal_events_appeal_idx").on(t.appealId, t.id)],
);

// A sent answer is final: no update path exists and the trigger refuses one.
export const appealAnswers = pgTable(
  "appeal_answers",
  {
    appealId: uuid()
      .primaryKey()
      .references(() => appeals.id),
    bodyId: uuid()
      .notNull()
      .references(() => stateBodies.id),
    decision: answerDecision().notNull(),
    text: text().notNull(),
    legalGrounds: text().notNull(),
    appealRights: text().notNull(),
    answeredById: uuid()
      .notNull()
      .references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    onTime: boolean().notNull(),
    // For "left_without_consideration": the legal ground, a code of WITHOUT_CONSIDERATION_GROUNDS.
    withoutConsiderationGround: text(),
    // What the pre-send check (server/appeals/check-answer.ts) found, stored as sent; null on answers sent
    // before the check existed. The official may send despite it: the figures show what was sent.
    language: text(),
    lawfulLanguage: boolean(),
    namesLegalGround: boolean(),
    checkMissing: text().array(),
  },
  (t) => [
    check(
      "appeal_answers_ground_with_decision",
      sql`(${t.decision}::text = 'left_without_consideration') = (${t.withoutConsiderationGround} is not null)`,
    ),
  ],
);

export const appealRatings = pgTable(
  "appeal_ratings",
  {
    appealId: uuid()
      .primaryKey()
      .references(() => appeals.id),
    outcome: ratingOutcome().notNull(),
    quality: smallint().notNull(),
    heard: boolean().notNull(),
    ratedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("appeal_ratings_quality_range", sql`${t.quality} between 1 and 5`)],
);

// Files live in PostgreSQL with their appeal, so an appeal and its files commit or vanish together.
export const attachments = pgTable(
  "attachments",
  {
    id: uuid().primaryKey().defaultRandom(),
    appealId: uuid()
      .notNull()
      .references(() => appeals.id),
    // Set for files sent with an answer or a clarification; null for the appeal's own files.
    eventId: bigint({ mode: "number" }),
    fileName: text().notNull(),
    mimeType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    uploadedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("attachments_appeal_idx").on(t.appealId)],
);

export const appealNumberCounters = pgTable("appeal_number_counters", {
  year: integer().primaryKey(),
  last: integer().notNull(),
});
