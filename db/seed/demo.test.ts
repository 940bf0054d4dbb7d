import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedDemoData } from "./demo";

describe("the demo data", () => {
  const db = useTestDatabase();

  it("is loaded once, with appeals in every state of the lifecycle and of moderation", async () => {
    expect(await seedDemoData(db(), { appeals: 300 })).toBe(true);
    expect(await seedDemoData(db(), { appeals: 300 })).toBe(false);
    const [counts] = await db().execute<Record<string, number>>(sql`
      select
        count(*) filter (where status = 'registered')::int as registered,
        count(*) filter (where status = 'in_progress')::int as in_progress,
        count(*) filter (where status = 'awaiting_clarification')::int as awaiting_clarification,
        count(*) filter (where status = 'answered')::int as answered,
        count(*) filter (where status = 'closed')::int as closed,
        count(*) filter (where forward_count > 0)::int as forwarded,
        count(*) filter (where extended_at is not null)::int as extended,
        count(*) filter (where overdue_at is not null and status not in ('answered', 'closed'))::int as overdue,
        count(*) filter (where complaint_of_id is not null)::int as complaints,
        (select count(*) from appeal_ratings)::int as rated,
        (select count(*) from appeal_publications where visibility = 'published')::int as published,
        (select count(*) from appeal_publications where visibility = 'published_redacted')::int as redacted,
        (select count(*) from appeal_publications where visibility = 'declined')::int as declined,
        (select count(*) from appeal_publications where visibility = 'pending')::int as pending,
        min(filed_at) < now() - interval '9 months' as spans_the_year
      from appeals`);
    for (const [state, n] of Object.entries(counts ?? {})) expect(n, state).toBeTruthy();
  }, 240_000);
});
