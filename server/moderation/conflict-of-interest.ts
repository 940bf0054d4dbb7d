import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { DomainError } from "../errors";

/**
 * The bodies a moderator working for `bodyId` must keep out of: their own, every body above it (which
 * answers for it and hears complaints about it) and every body below it (which it supervises).
 */
const relatedBodies = (bodyId: string): SQL => sql`(
  with recursive up(id, parent_id) as (
    select id, parent_id from state_bodies where id = ${bodyId}
    union select s.id, s.parent_id from state_bodies s join up on s.id = up.parent_id
  ), down(id) as (
    select id from state_bodies where id = ${bodyId}
    union select s.id from state_bodies s join down on s.parent_id = down.id
  )
  select id from up union select id from down)`;

/**
 * A condition on `appeals` that holds when the moderator has no conflict of interest: the appeal is not
 * addressed to a body of their tree, and, for a complaint, the appeal complained about was not either.
 */
export function withoutConflict(moderator: Pick<SessionUser, "bodyId">): SQL | undefined {
  if (!moderator.bodyId) return undefined;
  const tree = relatedBodies(moderator.bodyId);
  return sql`(${appeals.bodyId} not in ${tree} and not exists (
    select 1 from appeals complained where complained.id = ${appeals.complaintOfId}
      and complained.body_id in ${tree}))`;
}

/** Refuses a moderator any part in an appeal to (or a complaint about) a body of their own tree. */
export async function assertNoConflict(
  db: Db,
  o: { moderator: Pick<SessionUser, "bodyId">; appealId: string },
): Promise<void> {
  const condition = withoutConflict(o.moderator);
  if (!condition) return;
  const [row] = await db.execute<{ free: boolean }>(
    sql`select ${condition} as free from ${appeals} where ${appeals.id} = ${o.appealId}`,
  );
  if (row && row.free !== true) throw new DomainError("CONFLICT_OF_INTEREST");
}
