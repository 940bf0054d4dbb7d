import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

const ROLLUPS = [
  "metrics_monthly",
  "metrics_body_monthly",
  "metrics_day_histograms",
  "metrics_clock_monthly",
  "metrics_clock_days",
  "metrics_answer_monthly",
] as const;

/** Every row of every rollup table, as text and in order: what a refresh left, to compare with a rebuild. */
export async function rollupRows(db: Db): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const table of ROLLUPS) {
    const result = await db.execute<{ row: string }>(
      sql`select x::text as row from ${sql.identifier(table)} x order by 1`,
    );
    rows[table] = result.map((r) => r.row);
  }
  return rows;
}
