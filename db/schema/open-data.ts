import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  customType,
  date,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

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
    // Of the file as published: its bytes and hash, whatever it is stored as.
    size: bigint({ mode: "number" }).notNull(),
    sha256: text().notNull(),
    // "gzip": the public appeals run to hundreds of megabytes a day at a nation's scale, more than one
    // query parameter carries; compressed they are a tenth. Older files are stored as they are ("identity").
    contentEncoding: text().notNull().default("identity"),
    // Files written before open_data_file_parts hold their content here; later ones have it in parts.
    content: bytea(),
  },
  (t) => [
    primaryKey({ columns: [t.date, t.path] }),
    check("open_data_files_content_encoding", sql`${t.contentEncoding} in ('identity', 'gzip')`),
  ],
);

/**
 * A file's stored content in parts, in order: each part is one query parameter, which postgres.js sends as
 * hex text, and one JavaScript string may not pass 512 MiB. The public appeals of five million appeals come
 * to some 2.6 GB, about 260 MB compressed. Immutable like the files (a trigger in the migration).
 */
export const openDataFileParts = pgTable(
  "open_data_file_parts",
  {
    date: date({ mode: "string" }).notNull(),
    path: text().notNull(),
    part: integer().notNull(),
    content: bytea().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.date, t.path, t.part] }),
    foreignKey({ columns: [t.date, t.path], foreignColumns: [openDataFiles.date, openDataFiles.path] }),
  ],
);
