import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import journal from "@/db/migrations/meta/_journal.json";

/** The tag of the newest applied migration, read from drizzle's own bookkeeping table. */
export async function currentMigration(db: Db): Promise<string | null> {
  const rows = await db.execute<{ created_at: string }>(
    sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  const applied = Number(rows[0]?.created_at);
  return journal.entries.find((e) => e.when === applied)?.tag ?? null;
}
