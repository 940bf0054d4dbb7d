import { mkdirSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { createDatabase, type Database } from "@/db/client";
import { type PostgresServer, startEmbeddedPostgres, withDatabase } from "@/db/embedded-server";
import { applyMigrations } from "@/db/migrate";
import { seedReferenceData } from "@/db/seed/reference";
import { dropDatabase, ensureDatabaseExists } from "./database-admin";

/** Generated data live in an embedded server of their own, never beside the demo's data. */
export const BENCH_DATABASE = "tyndau_bench";
const BENCH_DATA_DIR = path.join(process.cwd(), ".data", "bench-postgres");

async function reachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

// A server for measuring, on a machine of 24 GiB: the dashboards' summaries fit in the defaults, but
// generating and the straightforward GROUP BY baselines deserve a realistic cache and WAL. Generating 5M
// writes tens of GB of WAL: at 8 GB of max_wal_size it checkpointed every 4.4 GB of it, all along; 24 GB
// (about 12 between checkpoints) still leaves room on the disk for the data.
// Each value as PostgreSQL shows it, so that a server already tuned is recognised.
const BENCH_SETTINGS = {
  shared_buffers: "2GB",
  effective_cache_size: "8GB",
  max_wal_size: "24GB",
  checkpoint_timeout: "30min",
};

/** Applies BENCH_SETTINGS; true when the server must restart for them to take effect. */
async function tune(adminUrl: string): Promise<boolean> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    let restart = false;
    for (const [name, value] of Object.entries(BENCH_SETTINGS)) {
      const [row] = await sql<{ value: string; context: string }[]>`
        select current_setting(${name}) as value, context from pg_settings where name = ${name}`;
      if (row?.value === value) continue;
      await sql.unsafe(`alter system set ${name} = '${value}'`);
      restart ||= row?.context === "postmaster";
    }
    await sql`select pg_reload_conf()`;
    return restart;
  } finally {
    await sql.end();
  }
}

/**
 * The database `npm run generate` fills and `npm run bench` measures: DATABASE_URL when set; otherwise an
 * embedded PostgreSQL like the one of `npm start` but with its own data (.data/bench-postgres, port
 * BENCH_PG_PORT or 54330, reused if already running), database tyndau_bench, migrated and with its
 * reference data, so generated appeals never mix with the demo.
 */
export async function openBenchDatabase(o: { fresh?: boolean } = {}): Promise<{
  url: string;
  db: Database;
  close: () => Promise<void>;
}> {
  let server: PostgresServer | undefined;
  let url = process.env.DATABASE_URL;
  // Only the embedded bench database is ever dropped: a configured DATABASE_URL is somebody's data.
  if (url && o.fresh)
    throw new Error("--fresh applies to the embedded bench database only, not to DATABASE_URL");
  if (!url) {
    const port = Number(process.env.BENCH_PG_PORT ?? 54330);
    const adminUrl = `postgres://postgres:tyndau-local@127.0.0.1:${port}/postgres`;
    if (!(await reachable(adminUrl))) {
      mkdirSync(path.dirname(BENCH_DATA_DIR), { recursive: true });
      server = await startEmbeddedPostgres({ dataDir: BENCH_DATA_DIR, port });
      if (await tune(adminUrl)) {
        await server.stop();
        server = await startEmbeddedPostgres({ dataDir: BENCH_DATA_DIR, port });
      }
    }
    if (o.fresh) await dropDatabase(adminUrl, BENCH_DATABASE);
    await ensureDatabaseExists(adminUrl, BENCH_DATABASE);
    url = withDatabase(adminUrl, BENCH_DATABASE);
  }
  await applyMigrations(url);
  const db = createDatabase(url, { max: 4 });
  await seedReferenceData(db);
  return {
    url,
    db,
    close: async () => {
      await db.$client.end();
      await server?.stop();
    },
  };
}

/** `--name value` from the command line. */
export function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
