import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { DomainError } from "../errors";
import { spendAccountToken } from "./account-tokens";

/** Confirms the address a verification link was mailed to; the link works once. */
export async function verifyEmail(db: Db, o: { token: string }) {
  return db.transaction(async (tx) => {
    const userId = await spendAccountToken(tx, { token: o.token, purpose: "verify_email" });
    if (!userId) throw new DomainError("BAD_LINK");
    await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, userId));
    return { verified: true as const };
  });
}
