import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealPublications, appeals } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { DomainError } from "../errors";
import { assertNoConflict } from "./conflict-of-interest";

/** Finds a publication by the appeal's number, for acting on a notice that names it. */
export async function findPublicationByNumber(db: Db, o: { number: string; moderator: SessionUser }) {
  const [row] = await db
    .select({ appealId: appeals.id })
    .from(appealPublications)
    .innerJoin(appeals, eq(appeals.id, appealPublications.appealId))
    .where(eq(appeals.number, o.number));
  if (!row) throw new DomainError("NOT_FOUND");
  await assertNoConflict(db, { moderator: o.moderator, appealId: row.appealId });
  return { appealId: row.appealId };
}
