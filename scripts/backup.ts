// `npm run backup -- <folder>`: a consistent backup of the configured database, attachments included.
import path from "node:path";
import { resolveDatabaseUrl } from "@/scripts/resolve-database";
import { backupDatabase } from "@/server/backup/backup-database";

async function main() {
  const dir = path.resolve(
    process.argv[2] ?? `backups/tyndau-${new Date().toISOString().replace(/[:.]/g, "-")}`,
  );
  const { url, stop } = await resolveDatabaseUrl();
  try {
    const manifest = await backupDatabase(url, dir);
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    console.log(`Backed up ${manifest.tables.length} tables, ${rows} rows, into ${dir}`);
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
