import { doublePrecision, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Appeals of a register kept elsewhere (another city's 311 export, another agency's log), brought in by
 * `npm run import` (docs/open-data.md). A table of their own: they never mix with Tyndau's appeals, their
 * lifecycle or their figures; each row names its source. Times are UTC, converted from the register's
 * own time zone.
 */
export const importedAppeals = pgTable(
  "imported_appeals",
  {
    source: text().notNull(),
    externalId: text().notNull(),
    filedAt: timestamp({ withTimezone: true }).notNull(),
    dueAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    status: text(),
    agency: text().notNull(),
    serviceType: text(),
    outcome: text(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    // The SHA-256 of the mapped row: a re-import of an unchanged row writes nothing.
    rowHash: text().notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.externalId] }),
    index("imported_appeals_source_agency_idx").on(t.source, t.agency),
  ],
);
