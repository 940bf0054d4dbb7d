import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openIdOf } from "@/server/appeals/open-id";
import { loadSigningKey, newSigningKeyPem, signingKeyFromPem } from "@/server/moderation/log-signing-key";
import { answer } from "@/test/citizen-fixtures";
import { useTestDatabase } from "@/test/database";
import { almaty } from "@/test/official-fixtures";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";
import { type Route, serveRoutes } from "@/test/routes-over-http";
import { getSignedManifest, getSnapshotFile, listSnapshots } from "./read-snapshots";
import { partsOf } from "./snapshot-files";
import { type SignedManifest, verifySnapshot } from "./snapshot-manifest";
import { writeSnapshot } from "./write-snapshot";

// The route handlers run as Next.js runs them; only the process-wide pool is pointed at the test's database.
const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: () => state.db,
  getReadDatabase: () => state.db,
}));
const fileRoute = await import("@/app/open-data/[date]/[file]/route");
const indexRoute = await import("@/app/open-data/index.json/route");
const checkpointRoute = await import("@/app/api/moderation-log/checkpoint/route");

const as = (handler: unknown) => handler as NonNullable<Route["handlers"]["GET"]>;
const ROUTES: Route[] = [
  { path: "/open-data/index.json", handlers: { GET: as(indexRoute.GET) } },
  { path: "/open-data/:date/:file", handlers: { GET: as(fileRoute.GET) } },
  { path: "/api/moderation-log/checkpoint", handlers: { GET: as(checkpointRoute.GET) } },
];

const run = promisify(execFile);
/** `npm run verify-snapshot -- <base-url> <date>`, as a person runs it. */
async function verifyCommand(base: string, date: string) {
  const tsx = path.join(process.cwd(), "node_modules/.bin/tsx");
  try {
    const { stdout } = await run(tsx, ["scripts/verify-snapshot.ts", base, date], { timeout: 60_000 });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code?: number; stderr?: string };
    return { code: e.code ?? -1, out: e.stderr ?? "" };
  }
}

const NOW = almaty("2026-11-30T00:30:00");

/** A stored file as it is published: its parts joined, decompressed when stored as gzip. */
async function publishedBytes(
  file: { contentEncoding: string; parts: () => AsyncIterable<Buffer> } | null,
): Promise<Buffer> {
  if (!file) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  for await (const part of file.parts()) parts.push(part);
  const stored = Buffer.concat(parts);
  return file.contentEncoding === "gzip" ? gunzipSync(stored) : stored;
}

describe("daily signed snapshots of the open data", () => {
  const db = useTestDatabase();
  let published = "";
  beforeAll(async () => {
    state.db = db();
    const { appeal } = await filePublicAppeal(db(), {
      state: "published",
      bodyCode: "akimat-almaty-city",
      region: "almaty_city",
      applicant: { name: "Aigerim Sarsenbayeva", email: "aigerim@example.kz" },
      filedAt: almaty("2026-11-02T10:00:00"),
    });
    await answer(db(), appeal.id, almaty("2026-11-10T12:00:00"));
    published = appeal.number;
    await filePublicAppeal(db(), { state: "declined", filedAt: almaty("2026-11-03T10:00:00") });
  });

  it("writes the day's files and a manifest of their hashes signed with the moderation log's key", async () => {
    expect(await writeSnapshot(db(), { key: loadSigningKey(), now: NOW })).toEqual({
      date: "2026-11-30",
      written: true,
    });
    const signed = (await getSignedManifest(db(), "2026-11-30")) as SignedManifest;
    expect(signed.manifest.files.map((f) => f.path)).toEqual([
      "appeals.json",
      "metrics-by-body.csv",
      "metrics-by-region.csv",
    ]);
    expect(signed.manifest.key_id).toBe(loadSigningKey().keyId);

    const appealsFile = await getSnapshotFile(db(), { date: "2026-11-30", path: "appeals.json" });
    // The public appeals are stored compressed; their size and hash in the manifest are the file's.
    expect(appealsFile?.contentEncoding).toBe("gzip");
    const appealsJson = (await publishedBytes(appealsFile)).toString("utf8");
    const rows = JSON.parse(appealsJson) as Record<string, unknown>[];
    // Only the published appeal, with its stable ASCII id and its public timeline; nothing of the applicant.
    expect(rows.map((r) => [r.appeal_id, r.number])).toEqual([[openIdOf(published), published]]);
    const timeline = (rows[0]?.timeline ?? []) as { type: string }[];
    expect(timeline.map((s) => s.type)).toEqual(["registered", "answered"]);
    expect(appealsJson).not.toMatch(/Sarsenbayeva|aigerim@/);
    const byBody = await getSnapshotFile(db(), { date: "2026-11-30", path: "metrics-by-body.csv" });
    expect((await publishedBytes(byBody)).toString("utf8").split("\r\n")[0]).toMatch(/^month,body_code,/);

    const files = new Map<string, Uint8Array>();
    for (const f of signed.manifest.files) {
      files.set(
        f.path,
        await publishedBytes(await getSnapshotFile(db(), { date: "2026-11-30", path: f.path })),
      );
    }
    expect(
      verifySnapshot({ signed, date: "2026-11-30", files, trustedKeyPem: loadSigningKey().publicKeyPem }),
    ).toEqual({
      ok: true,
      files: 3,
    });
    // Signed by another key than the log's: refused, even though the manifest is consistent with its own key.
    const other = signingKeyFromPem(newSigningKeyPem());
    expect(
      verifySnapshot({ signed, date: "2026-11-30", files, trustedKeyPem: other.publicKeyPem }),
    ).toMatchObject({
      ok: false,
      file: null,
    });
    // A manifest altered after signing: the signature no longer matches.
    const altered = { ...signed, manifest: { ...signed.manifest, created_at: "2026-11-29T00:00:00.000Z" } };
    expect(verifySnapshot({ signed: altered, date: "2026-11-30", files })).toMatchObject({
      ok: false,
      problem: "the signature does not match the manifest",
    });
  });

  it("never writes a day twice, and the database refuses to change or remove a snapshot", async () => {
    const before = await getSignedManifest(db(), "2026-11-30");
    await filePublicAppeal(db(), { state: "published", filedAt: almaty("2026-11-29T10:00:00") });
    expect(await writeSnapshot(db(), { key: loadSigningKey(), now: almaty("2026-11-30T23:00:00") })).toEqual({
      date: "2026-11-30",
      written: false,
    });
    expect(await getSignedManifest(db(), "2026-11-30")).toEqual(before);
    const refused = { cause: { message: expect.stringMatching(/append-only/) } };
    for (const statement of [
      sql`update open_data_files set sha256 = 'x' where path = 'appeals.json'`,
      sql`update open_data_file_parts set content = '\\x5b5d0a'::bytea where path = 'appeals.json'`,
      sql`delete from open_data_file_parts`,
      sql`delete from open_data_files`,
      sql`update open_data_snapshots set signature = 'x'`,
      sql`delete from open_data_snapshots`,
      sql`truncate open_data_file_parts, open_data_files, open_data_snapshots`,
    ]) {
      await expect(db().execute(statement)).rejects.toMatchObject(refused);
    }
    // The next day is a new snapshot beside the old one, which stays as it was.
    expect(
      (await writeSnapshot(db(), { key: loadSigningKey(), now: almaty("2026-12-01T00:30:00") })).written,
    ).toBe(true);
    expect((await listSnapshots(db())).map((s) => s.date)).toEqual(["2026-12-01", "2026-11-30"]);
  });

  describe("over HTTP with npm run verify-snapshot", () => {
    let server: Awaited<ReturnType<typeof serveRoutes>>;
    beforeAll(async () => {
      server = await serveRoutes(ROUTES);
    });
    afterAll(() => server?.close());

    it("lists the snapshots and serves their files", async () => {
      const index = (await (await fetch(`${server.origin}/open-data/index.json`)).json()) as {
        snapshots: { date: string; manifest: string }[];
      };
      expect(index.snapshots.map((s) => s.manifest)).toEqual([
        "/open-data/2026-12-01/manifest.json",
        "/open-data/2026-11-30/manifest.json",
      ]);
      const file = await fetch(`${server.origin}/open-data/2026-11-30/appeals.json`);
      expect(file.headers.get("cache-control")).toContain("immutable");
      // Stored compressed, sent as the file the manifest signs.
      expect(file.headers.get("content-encoding")).toBeNull();
      const manifest = (await getSignedManifest(db(), "2026-11-30"))?.manifest;
      const listed = manifest?.files.find((f) => f.path === "appeals.json");
      const bytes = Buffer.from(await file.arrayBuffer());
      expect(bytes.byteLength).toBe(listed?.bytes);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(listed?.sha256);
      expect((await fetch(`${server.origin}/open-data/2026-11-30/passwords.txt`)).status).toBe(404);
      expect((await fetch(`${server.origin}/open-data/2026-02-31/manifest.json`)).status).toBe(404);
    });

    it("serves a file stored compressed in several parts as the one file", async () => {
      // Random text: compressed, still several parts of 1 000 bytes.
      const file = Buffer.from(`["${randomBytes(3000).toString("hex")}"]\n`);
      const parts = partsOf([gzipSync(file)], 1000);
      expect(parts.length).toBeGreaterThan(2);
      await db().execute(sql`
        insert into open_data_snapshots (date, created_at, manifest, key_id, public_key_pem, signature)
        values ('2026-01-15', now(), '{}', 'k', 'p', 's')`);
      await db().execute(sql`
        insert into open_data_files (date, path, mime_type, size, sha256, content_encoding)
        values ('2026-01-15', 'appeals.json', 'application/json', ${file.byteLength}, 'h', 'gzip')`);
      for (const [part, content] of parts.entries())
        await db().execute(sql`
          insert into open_data_file_parts (date, path, part, content)
          values ('2026-01-15', 'appeals.json', ${part}, ${content})`);
      const url = `${server.origin}/open-data/2026-01-15/appeals.json`;
      const served = await fetch(url, { headers: { "accept-encoding": "identity" } });
      expect(served.headers.get("content-encoding")).toBeNull();
      expect(Buffer.from(await served.arrayBuffer()).equals(file)).toBe(true);
      // A file written before the parts, its content in its own row, is served as it was.
      await db().execute(sql`
        insert into open_data_files (date, path, mime_type, size, sha256, content)
        values ('2026-01-15', 'old.csv', 'text/csv', 4, 'h', '\\x610d0a62'::bytea)`);
      const old = await fetch(`${server.origin}/open-data/2026-01-15/old.csv`);
      expect(old.headers.get("content-encoding")).toBeNull();
      expect(await old.text()).toBe("a\r\nb");
    });

    it("verifies a snapshot, then names the file in which one byte was changed", async () => {
      const ok = await verifyCommand(server.origin, "2026-11-30");
      expect(ok.out).toMatch(/^OK: snapshot 2026-11-30, 3 files match .*moderation log's key/);
      expect(ok.code).toBe(0);

      // Someone with the database's owner rights switches the guard off and changes one byte of a file.
      await db().execute(
        sql`alter table open_data_file_parts disable trigger open_data_file_parts_immutable`,
      );
      await db().execute(sql`
        update open_data_file_parts set content = set_byte(content, 10, (get_byte(content, 10) + 1) % 256)
        where date = '2026-11-30' and path = 'metrics-by-region.csv'`);
      await db().execute(sql`alter table open_data_file_parts enable trigger open_data_file_parts_immutable`);

      const tampered = await verifyCommand(server.origin, "2026-11-30");
      expect(tampered.out).toMatch(/^FAIL: metrics-by-region\.csv: SHA-256 [0-9a-f]{64}, the manifest says/);
      expect(tampered.code).toBe(1);
      // The other day's snapshot is untouched and still verifies.
      expect((await verifyCommand(server.origin, "2026-12-01")).code).toBe(0);
    });
  });
});
