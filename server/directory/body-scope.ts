import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** A body and every body below it: what a supervisor of that body oversees. */
export async function bodyWithDescendants(db: Db, bodyId: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    with recursive scope(id) as (
      select id from state_bodies where id = ${bodyId}
      union all
      select b.id from state_bodies b join scope s on b.parent_id = s.id
    )
    select id from scope`);
  return rows.map((r) => r.id);
}

/** The superior body, where a complaint about this one goes; null at the top of the tree. */
export async function superiorBodyOf(db: Db, bodyId: string): Promise<string | null> {
  const rows = await db.execute<{ parent_id: string | null }>(
    sql`select parent_id from state_bodies where id = ${bodyId}`,
  );
  return rows[0]?.parent_id ?? null;
}
