import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealPublications, appeals } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { DomainError } from "../errors";

/** Finds a publication by the appeal's number, for acting on a notice that names it. */
export async function findPublicationByNumber(db: Db, o: { number: string; moderator: SessionUser }) {
  const [row] = await db
    .select({ appealId: appeals.id, bodyId: appeals.bodyId })
    .from(appealPublications)
    .innerJoin(appeals, eq(appeals.id, appealPublications.appealId))
    .where(eq(appeals.number, o.number));
  if (!row) throw new DomainError("NOT_FOUND");
  if (o.moderator.bodyId && o.moderator.bodyId === row.bodyId) throw new DomainError("CONFLICT_OF_INTEREST");
  return { appealId: row.appealId };
}
