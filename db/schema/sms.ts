import { index, integer, pgEnum, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appeals } from "./appeals";
import { users } from "./users";

// A status notice, a verification code, or the answer to a status query sent to the service's number.
export const smsKind = pgEnum("sms_kind", ["notice", "code", "reply"]);
// "kept": no SMSC configured (development), shown at /dev/outbox; "capped": the number's daily cap was
// reached, so it was never sent (docs/sms.md).
export const smsStatus = pgEnum("sms_status", ["queued", "sent", "kept", "failed", "capped"]);

// Every SMS is written here in the transaction that caused it, then sent over SMPP by a job with retries,
// like mail_messages. `to` is personal data: never logged, never public.
export const smsMessages = pgTable(
  "sms_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    to: text().notNull(),
    text: text().notNull(),
    kind: smsKind().notNull(),
    appealId: uuid().references(() => appeals.id),
    status: smsStatus().notNull().default("queued"),
    // How many SMS the text took, and the id the SMSC gave each part (submit_sm_resp), in order: a
    // delivery receipt names one of these.
    parts: smallint(),
    smscIds: text().array().notNull().default([]),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("sms_messages_due_idx").on(t.status, t.nextAttemptAt),
    index("sms_messages_to_idx").on(t.to, t.createdAt),
  ],
);

// Delivery receipts (deliver_sm with the receipt esm_class), keyed by the SMSC's id of the part: a
// receipt may arrive before the submission that caused it is committed, so it is kept on its own and
// joined to its message through sms_messages.smsc_ids.
export const smsReceipts = pgTable("sms_receipts", {
  smscId: text().primaryKey(),
  // The receipt's stat: DELIVRD, EXPIRED, DELETED, UNDELIV, ACCEPTD, UNKNOWN, REJECTD (SMPP 3.4 App. B).
  state: text().notNull(),
  errorCode: text(),
  receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// A code sent to a phone to prove that whoever gives the number holds it: a citizen for their account,
// or an operator for the citizen in front of them. Only a keyed hash of the code is kept.
export const phoneVerifications = pgTable(
  "phone_verifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    phone: text().notNull(),
    codeHash: text().notNull(),
    requestedById: uuid()
      .notNull()
      .references(() => users.id),
    attempts: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    verifiedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("phone_verifications_requester_idx").on(t.requestedById, t.createdAt)],
);
