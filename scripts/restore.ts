// `npm run restore -- <folder>`: restores a backup into the configured database, which must hold no appeals.
import path from "node:path";
import { resolveDatabaseUrl } from "@/scripts/resolve-database";
import { restoreDatabase } from "@/server/backup/restore-database";

async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: npm run restore -- <backup folder>");
  const { url, stop } = await resolveDatabaseUrl();
  try {
    const { tables, rows } = await restoreDatabase(url, path.resolve(dir));
    console.log(`Restored ${tables} tables, ${rows} rows.`);
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
