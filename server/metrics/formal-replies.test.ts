import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { generateAppeals } from "@/db/generate/generate-appeals";
import { useTestDatabase } from "@/test/database";
import { refreshMetrics } from "./refresh-metrics";

describe("counting formal replies on a full rebuild", () => {
  const db = useTestDatabase();

  it("finds exactly the near-copies that comparing every pair of a body's answers in a quarter finds", async () => {
    const now = new Date("2026-11-20T06:00:00Z");
    // Generated answers are boilerplate templates and combinations of stock sentences: many look alike.
    await generateAppeals(db(), { appeals: 4000, months: 6, now, refresh: false });
    await refreshMetrics(db(), now, { rebuild: true });
    const rows = await db().execute<{ appeal_id: string; counted: number; truth: number }>(sql`
      select f.appeal_id, f.similar_answers as counted, (
        select count(*)::int from appeal_answers o
        where o.body_id = a.body_id and o.appeal_id <> a.appeal_id
          and date_trunc('quarter', o.answered_at at time zone 'UTC' + interval '5 hours')
            = date_trunc('quarter', a.answered_at at time zone 'UTC' + interval '5 hours')
          and similarity(o.text, a.text) >= 0.9
      ) as truth
      from appeal_answers a join metrics_appeal_facts f using (appeal_id)`);
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.filter((r) => r.truth >= 3).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.counted !== r.truth)).toEqual([]);
  }, 240_000);
});
