import { sign } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { openDataFileParts, openDataFiles, openDataSnapshots } from "@/db/schema";
import { almatyDate } from "../deadlines/working-calendar";
import type { SigningKey } from "../moderation/log-signing-key";
import { buildSnapshotFiles } from "./snapshot-files";
import { MANIFEST_PATH, manifestMessage, SNAPSHOT_FORMAT, type SnapshotManifest } from "./snapshot-manifest";

/**
 * Takes today's snapshot of the open data (the day in Kazakhstan), signs its manifest with the moderation
 * log's key and stores it with its files in one transaction. A day has one snapshot and it never changes:
 * if the day's exists, nothing is written (a rerun of the daily job, or two processes racing, is harmless).
 * Returns the day, and whether this call wrote it.
 */
export async function writeSnapshot(
  db: Db,
  o: { key: SigningKey; now?: Date },
): Promise<{ date: string; written: boolean }> {
  const now = o.now ?? new Date();
  const date = almatyDate(now);
  const exists = async () =>
    (
      await db
        .select({ date: openDataSnapshots.date })
        .from(openDataSnapshots)
        .where(eq(openDataSnapshots.date, date))
    ).length > 0;
  if (await exists()) return { date, written: false };

  const files = await buildSnapshotFiles(db, now);
  if (files.some((f) => f.path === MANIFEST_PATH))
    throw new Error("a snapshot file may not be named manifest.json");
  const manifest: SnapshotManifest = {
    format: SNAPSHOT_FORMAT,
    date,
    created_at: now.toISOString(),
    key_id: o.key.keyId,
    files: files.map((f) => ({
      path: f.path,
      media_type: f.mediaType,
      bytes: f.bytes,
      sha256: f.sha256,
    })),
  };
  const message = manifestMessage(manifest);
  const written = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(openDataSnapshots)
      .values({
        date,
        createdAt: now,
        manifest: message.toString("utf8"),
        keyId: o.key.keyId,
        publicKeyPem: o.key.publicKeyPem,
        signature: sign(null, message, o.key.privateKey).toString("base64"),
      })
      .onConflictDoNothing()
      .returning({ date: openDataSnapshots.date });
    // Another process wrote the day's snapshot meanwhile: that one stands.
    if (inserted.length === 0) return false;
    await tx.insert(openDataFiles).values(
      files.map((f) => ({
        date,
        path: f.path,
        mimeType: f.mediaType,
        size: f.bytes,
        sha256: f.sha256,
        contentEncoding: f.encoding,
      })),
    );
    // A part a statement: each is one parameter of bounded size.
    for (const f of files)
      for (const [part, content] of f.parts.entries())
        await tx.insert(openDataFileParts).values({ date, path: f.path, part, content });
    return true;
  });
  return { date, written };
}
