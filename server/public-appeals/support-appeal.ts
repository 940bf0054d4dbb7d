import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealPublications, appealSupports, appeals } from "@/db/schema";
import { DomainError } from "../errors";
import { isPublic } from "./public-appeal-view";

/**
 * "Me too": a citizen supports a public appeal, once; a repeat changes nothing. Only other citizens
 * may: the author's own support would only inflate the count (FORBIDDEN). An appeal that is not public
 * cannot be supported (NOT_FOUND). The publication row is share-locked, so a moderator hiding the appeal
 * at the same moment waits for the support or is waited for, never missed.
 */
export async function supportAppeal(db: Db, o: { number: string; citizenId: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: appeals.id, authorId: appeals.authorId })
      .from(appealPublications)
      .innerJoin(appeals, eq(appeals.id, appealPublications.appealId))
      .where(and(eq(appeals.number, o.number), isPublic))
      .for("share", { of: appealPublications });
    if (!row) throw new DomainError("NOT_FOUND");
    if (row.authorId === o.citizenId) throw new DomainError("FORBIDDEN");
    await tx.insert(appealSupports).values({ appealId: row.id, userId: o.citizenId }).onConflictDoNothing();
    const [total] = await tx
      .select({ n: count() })
      .from(appealSupports)
      .where(eq(appealSupports.appealId, row.id));
    return { supportCount: total?.n ?? 0, supported: true };
  });
}
