import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";

export const MANIFEST = "manifest.json";

export type BackupManifest = {
  format: "tyndau-backup-1";
  createdAt: string;
  migration: string | null;
  tables: { name: string; rows: number; sha256: string }[];
};

/**
 * The application's tables, parents before children: restoring in this order satisfies the foreign
 * keys even where the restore keeps them checked. Job queues (pgboss) are left out: they are rebuilt.
 */
export async function tablesInDependencyOrder(
  sql: postgres.Sql | postgres.TransactionSql,
): Promise<string[]> {
  const tables = (
    await sql<
      { name: string }[]
    >`select tablename as name from pg_tables where schemaname = 'public' order by 1`
  ).map((r) => r.name);
  const edges = await sql<{ child: string; parent: string }[]>`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`;
  const ordered: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (ordered.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent, seen);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

const fileOf = (dir: string, table: string) => path.join(dir, `${table}.jsonl`);

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

/**
 * A consistent logical backup of every table (appeals, history, files, the moderation log): one JSON line
 * per row as PostgreSQL itself writes it (row_to_json; files as bytea hex), read in one repeatable-read
 * snapshot, with a manifest of row counts and checksums. Needs no pg_dump, whose version must match the
 * server's and which embedded PostgreSQL does not ship. (postgres.js COPY streams can leave a
 * connection stuck, so rows are read with a cursor instead.)
 */
export async function backupDatabase(url: string, dir: string): Promise<BackupManifest> {
  mkdirSync(dir, { recursive: true });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const manifest = await sql.begin("isolation level repeatable read read only", async (tx) => {
      const [migration] = await tx<{ hash: string }[]>`
        select hash from drizzle.__drizzle_migrations order by created_at desc limit 1`;
      const tables: BackupManifest["tables"] = [];
      for (const name of await tablesInDependencyOrder(tx)) {
        const out = createWriteStream(fileOf(dir, name));
        let rows = 0;
        const cursor = tx<{ line: string }[]>`select row_to_json(t)::text as line from ${tx(name)} t`.cursor(
          500,
        );
        for await (const batch of cursor) {
          for (const { line } of batch) {
            if (!out.write(`${line}\n`))
              await new Promise<void>((resolve) => out.once("drain", () => resolve()));
          }
          rows += batch.length;
        }
        await new Promise<void>((resolve) => out.end(() => resolve()));
        tables.push({ name, rows, sha256: await sha256Of(fileOf(dir, name)) });
      }
      return {
        format: "tyndau-backup-1",
        createdAt: new Date().toISOString(),
        migration: migration?.hash ?? null,
        tables,
      };
    });
    const result = manifest as BackupManifest;
    writeFileSync(path.join(dir, MANIFEST), JSON.stringify(result, null, 2));
    return result;
  } finally {
    await sql.end();
  }
}

export function readManifest(dir: string): BackupManifest {
  const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), "utf8")) as BackupManifest;
  if (manifest.format !== "tyndau-backup-1") throw new Error(`Not a Tyndau backup: ${dir}`);
  return manifest;
}

export { fileOf, sha256Of };
