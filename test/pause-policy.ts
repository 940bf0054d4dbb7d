import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/**
 * Pausing the term for clarification is off by default (docs/metrics.md, "Parked appeals"); an
 * administrator may switch it on. Tests of what a pause does switch it on for every kind.
 */
export async function allowClarificationPause(db: Database): Promise<void> {
  await db.execute(sql`update deadline_policies set clarification_pauses_clock = true`);
}
