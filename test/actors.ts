import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { authSessions, type UserRole, users } from "@/db/schema";
import type { SessionUser } from "@/server/auth/sessions";
import { createCaller } from "@/server/routers/_app";

// A fixed, cheap hash: tests that do not sign in with a password need not pay for argon2.
const UNUSABLE_HASH = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHRlc3R0ZXN0$unusable";

/** A user with a live session, as the tRPC context would load it. */
export async function createActor(
  db: Db,
  role: UserRole,
  o: { bodyId?: string; fullName?: string; unverified?: boolean } = {},
): Promise<SessionUser> {
  const email = `${role}-${randomBytes(5).toString("hex")}@test.tyndau.kz`;
  const fullName = o.fullName ?? `Test ${role}`;
  const [user] = await db
    .insert(users)
    // Confirmed unless asked otherwise, as an account that has followed its link.
    .values({
      email,
      fullName,
      role,
      bodyId: o.bodyId,
      passwordHash: UNUSABLE_HASH,
      emailVerifiedAt: o.unverified ? null : new Date(),
    })
    .returning({ id: users.id });
  if (!user) throw new Error("user not created");
  const [session] = await db
    .insert(authSessions)
    .values({ userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) })
    .returning({ id: authSessions.id });
  if (!session) throw new Error("session not created");
  return {
    id: user.id,
    sessionId: session.id,
    fullName,
    email,
    role,
    bodyId: o.bodyId ?? null,
    emailVerified: !o.unverified,
  };
}

export const callerFor = (db: Db, user: SessionUser | null) => createCaller({ db, user });
