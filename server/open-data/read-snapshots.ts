import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { openDataFileParts, openDataFiles, openDataSnapshots } from "@/db/schema";
import type { SignedManifest, SnapshotManifest } from "./snapshot-manifest";

/** A real calendar day written YYYY-MM-DD: anything else names no snapshot (and never reaches SQL). */
const isDay = (date: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;

/** Every snapshot, newest first, with its files: what /open-data lists. */
export async function listSnapshots(db: Db) {
  const snapshots = await db
    .select({
      date: openDataSnapshots.date,
      createdAt: openDataSnapshots.createdAt,
      keyId: openDataSnapshots.keyId,
    })
    .from(openDataSnapshots)
    .orderBy(desc(openDataSnapshots.date));
  const files = await db
    .select({
      date: openDataFiles.date,
      path: openDataFiles.path,
      size: openDataFiles.size,
      sha256: openDataFiles.sha256,
    })
    .from(openDataFiles)
    .orderBy(asc(openDataFiles.path));
  return snapshots.map((s) => ({ ...s, files: files.filter((f) => f.date === s.date) }));
}

export type SnapshotListing = Awaited<ReturnType<typeof listSnapshots>>;

/** manifest.json of a day, exactly as signed; null if that day has no snapshot. */
export async function getSignedManifest(db: Db, date: string): Promise<SignedManifest | null> {
  if (!isDay(date)) return null;
  const [row] = await db.select().from(openDataSnapshots).where(eq(openDataSnapshots.date, date));
  if (!row) return null;
  return {
    manifest: JSON.parse(row.manifest) as SnapshotManifest,
    signature: row.signature,
    public_key_pem: row.publicKeyPem,
  };
}

/**
 * One file of a day's snapshot, null if there is none by that name: `parts` reads its stored content a
 * part at a time, so serving a file of hundreds of megabytes holds one part in memory.
 */
export async function getSnapshotFile(db: Db, o: { date: string; path: string }) {
  if (!isDay(o.date)) return null;
  const [file] = await db
    .select({
      mimeType: openDataFiles.mimeType,
      sha256: openDataFiles.sha256,
      contentEncoding: openDataFiles.contentEncoding,
      content: openDataFiles.content,
    })
    .from(openDataFiles)
    .where(sql`${openDataFiles.date} = ${o.date} and ${openDataFiles.path} = ${o.path}`);
  if (!file) return null;
  const { content, ...rest } = file;
  return { ...rest, parts: () => storedParts(db, { date: o.date, path: o.path }, content) };
}

async function* storedParts(db: Db, o: { date: string; path: string }, content: Buffer | null) {
  // Written before files were stored in parts: the content is in the file's row.
  if (content) {
    yield content;
    return;
  }
  for (let part = 0; ; part++) {
    const [row] = await db
      .select({ content: openDataFileParts.content })
      .from(openDataFileParts)
      .where(
        sql`${openDataFileParts.date} = ${o.date} and ${openDataFileParts.path} = ${o.path} and ${openDataFileParts.part} = ${part}`,
      );
    if (!row) return;
    yield row.content;
  }
}
