import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { stateBodies } from "./state-bodies";

export const USER_ROLES = ["citizen", "official", "operator", "moderator", "auditor", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const userRole = pgEnum("user_role", USER_ROLES);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    passwordHash: text().notNull(),
    fullName: text().notNull(),
    role: userRole().notNull().default("citizen"),
    // An official answers for exactly one body; other roles may belong to one too (a moderator
    // who works in a body must not moderate appeals to it).
    bodyId: uuid().references(() => stateBodies.id),
    phone: text(),
    // When the owner proved the phone by a code sent to it; SMS notices go only to a verified phone.
    phoneVerifiedAt: timestamp({ withTimezone: true }),
    preferredLocale: text().notNull().default("kk"),
    // The stable public name of a moderator in the moderation log; never derived from their identity.
    pseudonym: text().unique(),
    disabledAt: timestamp({ withTimezone: true }),
    // When the owner of the address proved it by following a link mailed to it. Self-registration writes
    // null (server/accounts/register-citizen.ts); an account an admin creates, or one that existed before
    // verification, counts as confirmed: the default fills it in.
    emailVerifiedAt: timestamp({ withTimezone: true }).defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    index("users_body_idx").on(t.bodyId),
    check("users_official_has_body", sql`${t.role} <> 'official' or ${t.bodyId} is not null`),
  ],
);

// A signed-in session lives here, not only in the cookie, so that signing out, disabling an account
// or changing its role ends it on the very next request.
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);
