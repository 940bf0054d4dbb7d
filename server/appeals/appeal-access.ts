import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
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
      return viewer.bodyId
        ? inArray(appeals.bodyId, await bodyWithDescendants(db, viewer.bodyId))
        : sql`false`;
    case "operator":
      return eq(appeals.filedById, viewer.id);
    default:
      return sql`false`;
  }
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
  if (!appeal) throw new DomainError("NOT_FOUND");
  return appeal;
}

/** Locks an appeal an official of the body holding it is about to act on; supervisors only look. */
export async function lockAppealOfBodyOrThrow(tx: Db, appealId: string, bodyId: string): Promise<Appeal> {
  const appeal = await lockAppealOrThrow(tx, appealId);
  if (appeal.bodyId !== bodyId) throw new DomainError("NOT_FOUND");
  return appeal;
}

/** Locks an appeal its own author is about to act on (clarify, rate, complain). */
export async function lockOwnAppealOrThrow(tx: Db, appealId: string, citizenId: string): Promise<Appeal> {
  const appeal = await lockAppealOrThrow(tx, appealId);
  if (!appeal.authorId || appeal.authorId !== citizenId) throw new DomainError("NOT_FOUND");
  return appeal;
}
