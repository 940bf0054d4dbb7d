import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appeals } from "./appeals";
import { users } from "./users";

export const NOTIFICATION_TYPES = [
  "registered",
  "forwarded",
  "extended",
  "clarification_requested",
  "answered",
  "overdue",
  "executor_reminder",
  "supervisor_overdue",
  "complaint_received",
  "moderation_decision",
  "contest_decided",
] as const;
export const notificationType = pgEnum("notification_type", NOTIFICATION_TYPES);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    appealId: uuid()
      .notNull()
      .references(() => appeals.id),
    type: notificationType().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

export const mailStatus = pgEnum("mail_status", ["queued", "sent", "kept", "failed"]);

// Every e-mail is written here in the transaction that caused it, then sent by a job with retries.
// Without SMTP configured (development) it is only kept, and shown at /dev/outbox.
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    appealId: uuid().references(() => appeals.id),
    status: mailStatus().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("mail_messages_status_idx").on(t.status, t.createdAt)],
);
