import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const accountTokenPurpose = pgEnum("account_token_purpose", ["verify_email", "reset_password"]);

/**
 * One-time links mailed to an account's address: to confirm it, or to set a new password. Only a hash of
 * the token is kept, so a copy of the database opens nobody's account; a token is spent by setting
 * used_at in the statement that checks it, so two clicks cannot both use it.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: accountTokenPurpose().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("account_tokens_user_idx").on(t.userId, t.purpose)],
);
