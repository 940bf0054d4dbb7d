import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// Keys an admin issues to Open311 clients that file appeals; only a hash of each key is kept.
export const apiKeys = pgTable("api_keys", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  keyHash: text().notNull().unique(),
  // Appeals filed through a key are filed on behalf of this account, so the usual rules of identity apply.
  accountId: uuid()
    .notNull()
    .references(() => users.id),
  createdById: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp({ withTimezone: true }),
});
