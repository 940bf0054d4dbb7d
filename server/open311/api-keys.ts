import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { DomainError } from "../errors";

/** Only this digest of a key is stored: a leaked table files nothing. */
export const hashApiKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

/**
 * Issues a key for an Open311 client. Appeals filed with it are filed by the citizen account named here,
 * so identity, deadlines and moderation work as for any appeal of that account. The key itself is
 * returned once, now, and never again.
 */
export async function issueApiKey(db: Db, o: { name: string; accountEmail: string; adminId: string }) {
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        sql`lower(${users.email}) = lower(${o.accountEmail})`,
        eq(users.role, "citizen"),
        isNull(users.disabledAt),
      ),
    );
  if (!account) throw new DomainError("NOT_FOUND");
  const key = `tyn_${randomBytes(24).toString("base64url")}`;
  const [row] = await db
    .insert(apiKeys)
    .values({ name: o.name, keyHash: hashApiKey(key), accountId: account.id, createdById: o.adminId })
    .returning({ id: apiKeys.id, name: apiKeys.name });
  if (!row) throw new Error("api key not stored");
  return { ...row, key };
}

/** The key's account, if the key exists, is not revoked, and its account may still act. */
export async function verifyApiKey(db: Db, key: string) {
  if (key.length === 0 || key.length > 200) return null;
  const [row] = await db
    .select({ id: apiKeys.id, accountId: apiKeys.accountId })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.accountId))
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt), isNull(users.disabledAt)));
  return row ?? null;
}

/** Revoking is final and immediate: the next request with the key is refused. Revoking twice is a no-op. */
export async function revokeApiKey(db: Db, o: { id: string }) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(eq(apiKeys.id, o.id))
    .returning({ id: apiKeys.id, revokedAt: apiKeys.revokedAt });
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}

const issuer = alias(users, "issuer");

/** Every key ever issued, newest first; never the key, which is not kept. */
export async function listApiKeys(db: Db) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      accountEmail: users.email,
      accountName: users.fullName,
      issuedBy: issuer.fullName,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.accountId))
    .leftJoin(issuer, eq(issuer.id, apiKeys.createdById))
    .orderBy(desc(apiKeys.createdAt));
}
