import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * The next registration number of the year, e.g. ЖТ-2026-000123 ("ЖТ": жеке тұлға, an individual).
 * A counter row, not a sequence: a rolled-back filing gives its number back, so the register has no gaps.
 */
export async function nextAppealNumber(tx: Db, year: number): Promise<string> {
  const rows = await tx.execute<{ last: number }>(sql`
    insert into appeal_number_counters (year, last) values (${year}, 1)
    on conflict (year) do update set last = appeal_number_counters.last + 1
    returning last`);
  const last = rows[0]?.last;
  if (!last) throw new Error("appeal number not allocated");
  return `ЖТ-${year}-${String(last).padStart(6, "0")}`;
}
