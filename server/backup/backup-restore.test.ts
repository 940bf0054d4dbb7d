import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { withDatabase } from "@/db/embedded-server";
import { moderationLog, stateBodies, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/demo";
import { createDatabaseFrom, dropDatabase } from "@/scripts/database-admin";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { latestCheckpoint, signCheckpoint } from "@/server/moderation/checkpoint";
import { loadSigningKey } from "@/server/moderation/log-signing-key";
import { verifyLog } from "@/server/moderation/verify-log";
import { useTestDatabase } from "@/test/database";
import { backupDatabase } from "./backup-database";
import { restoreDatabase } from "./restore-database";

describe("backup and restore", () => {
  const db = useTestDatabase();
  const dir = mkdtempSync(path.join(os.tmpdir(), "tyndau-backup-"));
  const fresh = `restored_${randomBytes(4).toString("hex")}`;
  const adminUrl = () => withDatabase(db.url(), "postgres");
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase(adminUrl(), fresh);
  });

  it("restores into a fresh database every appeal, event, file and log entry, and the log still verifies", async () => {
    await seedDemoData(db(), { appeals: 40 });
    const [citizen] = await db().select().from(users).where(eq(users.role, "citizen")).limit(1);
    const [body] = await db().select().from(stateBodies).limit(1);
    await fileAppeal(db(), {
      kind: "application",
      bodyId: body?.id ?? "",
      category: "other",
      region: null,
      subject: "With a scan",
      text: "An appeal whose scanned letter must survive a restore byte for byte.",
      publishConsent: false,
      locale: "ru",
      authorId: citizen?.id ?? null,
      attachments: [
        {
          fileName: "letter.pdf",
          bytes: Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(4096), Buffer.from("\n%%EOF\n")]),
        },
      ],
    });
    await signCheckpoint(db(), loadSigningKey());
    const counts = () => sql`select
      (select count(*) from appeals)::int as appeals,
      (select count(*) from appeal_events)::int as events,
      (select count(*) from attachments)::int as files,
      (select string_agg(encode(sha256(content), 'hex'), ',') from attachments) as file_digests,
      (select count(*) from moderation_log)::int as log,
      (select count(*) from log_checkpoints)::int as checkpoints,
      (select string_agg(number, ',' order by number) from appeals) as numbers`;
    const [before] = await db().execute(counts());
    expect(before?.log).toBeGreaterThan(0);
    expect(before?.files).toBe(1);

    const manifest = await backupDatabase(db.url(), dir);
    expect(manifest.tables.find((t) => t.name === "appeals")?.rows).toBe(before?.appeals);

    await createDatabaseFrom(adminUrl(), fresh);
    const restoredUrl = withDatabase(db.url(), fresh);
    await restoreDatabase(restoredUrl, dir);
    const restored = createDatabase(restoredUrl, { max: 1 });
    try {
      const [after] = await restored.execute(counts());
      expect(after).toEqual(before);
      const entries = await restored
        .select({
          seq: moderationLog.seq,
          canonical: moderationLog.canonical,
          entryHash: moderationLog.entryHash,
        })
        .from(moderationLog)
        .orderBy(asc(moderationLog.seq));
      const checkpoint = await latestCheckpoint(restored);
      if (!checkpoint) throw new Error("no checkpoint restored");
      expect(verifyLog({ entries, checkpoint, publicKeyPem: loadSigningKey().publicKeyPem })).toEqual({
        ok: true,
        treeSize: entries.length,
      });
      // The guards are back on after the restore.
      await expect(restored.execute(sql`delete from appeal_events`)).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/append-only/) },
      });
    } finally {
      await restored.$client.end();
    }
  }, 120_000);
});
