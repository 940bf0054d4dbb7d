import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { bodyWithDescendants } from "../directory/body-scope";
import { DomainError } from "../errors";
import { type Appeal, lockAppealOrThrow } from "./lifecycle";

/**
 * The appeals a signed-in user may read, as a condition every read query adds: a citizen their own, an
 * official those of their body and of the bodies below it (a supervisor oversees them), an operator
 * those they filed for someone. Moderators and auditors read through their own, narrower paths.
 */
export async function readableAppeals(db: Db, viewer: SessionUser): Promise<SQL> {
  switch (viewer.role) {
    case "citizen":
      return eq(appeals.authorId, viewer.id);
    case "official":
      return viewer.bodyId ? readableByBodies(await bodyWithDescendants(db, viewer.bodyId)) : sql`false`;
    case "operator":
      return eq(appeals.filedById, viewer.id);
    default:
      return sql`false`;
  }
}

/**
 * The appeals of the bodies in scope, and every appeal a complaint to them is about: a complaint goes to
 * the superior body with the whole history attached (APPC Art. 91), and a complaint about the answer to a
 * complaint brings the earlier ones along too.
 */
function readableByBodies(scope: string[]): SQL {
  const bodies = sql.join(
    scope.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const complainedAbout = sql`${appeals.id} in (
    with recursive originals(id) as (
      select c.complaint_of_id from appeals c
      where c.complaint_of_id is not null and c.body_id in (${bodies})
      union
      select o.complaint_of_id from appeals o join originals r on o.id = r.id
      where o.complaint_of_id is not null
    )
    select id from originals)`;
  return or(inArray(appeals.bodyId, scope), complainedAbout) ?? sql`false`;
}

/** An appeal the viewer may read; one they may not is indistinguishable from one that does not exist. */
export async function getReadableAppealOrThrow(
  db: Db,
  appealId: string,
  viewer: SessionUser,
): Promise<Appeal> {
  const [appeal] = await db
    .select()
    .from(appeals)
    .where(and(eq(appeals.id, appealId), await readableAppeals(db, viewer)));
  if (!appeal) throw new DomainError("NOT_FOUND", "readable-appeal");
  return appeal;
}

/** Locks an appeal an official of the body holding it is about to act on; supervisors only look. */
export async function lockAppealOfBodyOrThrow(tx: Db, appealId: string, bodyId: string): Promise<Appeal> {
  const appeal = await lockAppealOrThrow(tx, appealId);
  if (appeal.bodyId !== bodyId) throw new DomainError("NOT_FOUND", "appeal-of-own-body");
  return appeal;
}

/** Locks an appeal its own author is about to act on (clarify, rate, complain). */
export async function lockOwnAppealOrThrow(tx: Db, appealId: string, citizenId: string): Promise<Appeal> {
  const appeal = await lockAppealOrThrow(tx, appealId);
  if (!appeal.authorId || appeal.authorId !== citizenId) throw new DomainError("NOT_FOUND", "own-appeal");
  return appeal;
}
