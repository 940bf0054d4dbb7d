// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or the embedded database).
import { applyMigrations } from "@/db/migrate";
import { resolveDatabaseUrl } from "@/scripts/resolve-database";

async function main() {
  const { url, stop } = await resolveDatabaseUrl();
  try {
    await applyMigrations(url);
    console.log("Migrations applied.");
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
