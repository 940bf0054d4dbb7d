import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accountTokens } from "@/db/schema";

export type AccountTokenPurpose = "verify_email" | "reset_password";

/**
 * How long a mailed link works. A reset link opens the account to whoever holds it, so it is short
 * (OWASP's Forgot Password cheat sheet); a confirmation link only proves the address, so it may wait a day.
 */
export const TOKEN_LIFETIME_MINUTES: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * 60,
  reset_password: 30,
};

const hashOf = (token: string) => createHash("sha256").update(token).digest("base64url");

/** A new link token for `userId`: 256 random bits, of which only the hash is stored. */
export async function issueAccountToken(
  tx: Db,
  o: { userId: string; purpose: AccountTokenPurpose },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.insert(accountTokens).values({
    userId: o.userId,
    purpose: o.purpose,
    tokenHash: hashOf(token),
    expiresAt: sql`now() + make_interval(mins => ${TOKEN_LIFETIME_MINUTES[o.purpose]})`,
  });
  return token;
}

/**
 * Spends a token: the user it was issued to, or null when it is unknown, of another purpose, expired or
 * already used. Checking and spending are one UPDATE, so of two concurrent uses only one gets the user.
 */
export async function spendAccountToken(
  tx: Db,
  o: { token: string; purpose: AccountTokenPurpose },
): Promise<string | null> {
  const [spent] = await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(accountTokens.tokenHash, hashOf(o.token)),
        eq(accountTokens.purpose, o.purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: accountTokens.userId });
  return spent?.userId ?? null;
}

/** Spends every open token of one purpose: a new password makes older reset links worthless. */
export async function spendAllAccountTokens(tx: Db, o: { userId: string; purpose: AccountTokenPurpose }) {
  await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(accountTokens.userId, o.userId),
        eq(accountTokens.purpose, o.purpose),
        isNull(accountTokens.usedAt),
      ),
    );
}
