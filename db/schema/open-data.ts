import { customType, date, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * A day's signed snapshot of the open data (docs/open-data.md). Written once; a trigger in the migration
 * refuses UPDATE, DELETE and TRUNCATE, so a figure quoted from it can always be checked against it.
 */
export const openDataSnapshots = pgTable("open_data_snapshots", {
  // The day in Kazakhstan the snapshot was taken: /open-data/<date>/…
  date: date({ mode: "string" }).primaryKey(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
  // The signed manifest exactly as signed (RFC 8785 JSON): the files, their sizes and SHA-256 hashes.
  manifest: text().notNull(),
  keyId: text().notNull(),
  publicKeyPem: text().notNull(),
  // Ed25519 over the manifest's bytes, base64.
  signature: text().notNull(),
});

/** The files of a snapshot, kept in PostgreSQL like attachments, so a snapshot and its files commit together. */
export const openDataFiles = pgTable(
  "open_data_files",
  {
    date: date({ mode: "string" })
      .notNull()
      .references(() => openDataSnapshots.date),
    path: text().notNull(),
    mimeType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.date, t.path] })],
);
