import { type AnyPgColumn, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { CATEGORIES } from "@/server/directory/state-bodies-directory";

export const bodyLevel = pgEnum("body_level", ["central", "regional", "district"]);
export const appealCategory = pgEnum("appeal_category", CATEGORIES);

// The directory of state bodies: a tree, because a complaint about a body goes to its superior one.
export const stateBodies = pgTable(
  "state_bodies",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    parentId: uuid().references((): AnyPgColumn => stateBodies.id),
    level: bodyLevel().notNull(),
    // null for central bodies, whose competence covers the whole republic
    region: text(),
    nameKk: text().notNull(),
    nameRu: text().notNull(),
    nameEn: text().notNull(),
    categories: appealCategory().array().notNull(),
  },
  (t) => [index("state_bodies_parent_idx").on(t.parentId), index("state_bodies_region_idx").on(t.region)],
);
