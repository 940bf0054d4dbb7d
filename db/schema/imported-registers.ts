import {
  date,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * Appeals of a register kept elsewhere (another city's 311 export, another agency's log), brought in by
 * `npm run import` (docs/open-data.md). A table of their own: they never mix with Tyndau's appeals, their
 * lifecycle or their figures; each row names its source. Times are UTC, converted from the register's
 * own time zone; the days (filed_on, closed_on) are the register's own calendar days, in that zone, the
 * days its working days are counted on.
 */
export const importedAppeals = pgTable(
  "imported_appeals",
  {
    source: text().notNull(),
    externalId: text().notNull(),
    filedAt: timestamp({ withTimezone: true }).notNull(),
    filedOn: date({ mode: "string" }).notNull(),
    dueAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    closedOn: date({ mode: "string" }),
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

/**
 * One row per imported register: its time zone, when it was last imported, and its figures as last
 * computed, kept with the fingerprint of the working-day calendar they were counted on. A public page
 * reads them instead of scanning a million rows on every visit; a new import or a changed calendar makes
 * them be computed again.
 */
export const importedRegisters = pgTable("imported_registers", {
  source: text().primaryKey(),
  timeZone: text().notNull(),
  importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  figures: jsonb(),
  figuresCalendar: text(),
});
