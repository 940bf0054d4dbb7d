import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import postgres from "postgres";
import { applyMigrations } from "@/db/migrate";
import { fileOf, readManifest, sha256Of } from "./backup-database";

/**
 * Restores a backup into an empty database: the schema from the migrations, then every table's rows.
 * Triggers (the append-only guards among them) are set aside for this session only, as a restore
 * writes history rather than changing it; row counts are checked against the manifest.
 */
export async function restoreDatabase(url: string, dir: string): Promise<{ tables: number; rows: number }> {
  const manifest = readManifest(dir);
  for (const t of manifest.tables) {
    if ((await sha256Of(fileOf(dir, t.name))) !== t.sha256)
      throw new Error(`Backup file of ${t.name} is damaged`);
  }
  await applyMigrations(url);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      const [existing] = await tx<{ n: number }[]>`select count(*)::int as n from appeals`;
      if (existing?.n)
        throw new Error("The target database already holds appeals: restore into an empty one");
      await tx`set local session_replication_role = replica`;
      // Reference data seeded by migrations or a previous start is replaced by the backup's.
      for (const t of [...manifest.tables].reverse()) await tx`delete from ${tx(t.name)}`;
      for (const t of manifest.tables) {
        // Generated columns (the search index) are computed again, not restored.
        const columns = (
          await tx<{ name: string }[]>`select column_name as name from information_schema.columns
            where table_schema = 'public' and table_name = ${t.name} and is_generated = 'NEVER'`
        ).map((c) => c.name);
        const insert = (lines: string[]) =>
          tx`insert into ${tx(t.name)} (${tx(columns)})
             select ${tx(columns)} from json_populate_recordset(null::${tx(t.name)}, ${`[${lines.join(",")}]`}::text::json)`;
        let batch: string[] = [];
        for await (const line of createInterface({ input: createReadStream(fileOf(dir, t.name)) })) {
          if (!line) continue;
          batch.push(line);
          if (batch.length === 500) {
            await insert(batch);
            batch = [];
          }
        }
        if (batch.length > 0) await insert(batch);
        const [count] = await tx<{ n: number }[]>`select count(*)::int as n from ${tx(t.name)}`;
        if (count?.n !== t.rows) throw new Error(`${t.name}: restored ${count?.n} rows of ${t.rows}`);
      }
      // Identity sequences continue after the restored rows.
      await tx`select setval(pg_get_serial_sequence('appeal_events', 'id'), coalesce((select max(id) from appeal_events), 0) + 1, false)`;
    });
    return { tables: manifest.tables.length, rows: manifest.tables.reduce((n, t) => n + t.rows, 0) };
  } finally {
    await sql.end();
  }
}
