import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { authSessions, type UserRole, users } from "@/db/schema";
import { verifyPassword } from "./password";

const SESSION_HOURS = 12;

export type SessionUser = {
  id: string;
  sessionId: string;
  fullName: string;
  email: string;
  role: UserRole;
  bodyId: string | null;
  /** Whether the address was confirmed by a mailed link (or the account was created by an admin). */
  emailVerified: boolean;
};

// Compared against when the e-mail is unknown, so a wrong e-mail costs the same time as a wrong password.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$uKhT3G33EsCOyji0vWKfBQ$auoplJFdAPQqe2AcCnFG8ZpdUTzDq5TmNMSYj+1sVJA";

export async function startSession(db: Db, o: { email: string; password: string }) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, o.email.trim().toLowerCase()));
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, o.password);
  if (!user || !ok || user.disabledAt) return null;
  const [session] = await db
    .insert(authSessions)
    .values({ userId: user.id, expiresAt: sql`now() + make_interval(hours => ${SESSION_HOURS})` })
    .returning({ id: authSessions.id });
  return session ? { sessionId: session.id, user } : null;
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.id, sessionId));
}

/** Ends every session of a user: used when an account is disabled or its role changes. */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.userId, userId));
}

/** The user behind a live session, read on every request so that revocation takes effect at once. */
export async function loadSessionUser(db: Db, sessionId: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      fullName: users.fullName,
      email: users.email,
      role: users.role,
      bodyId: users.bodyId,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(
      and(eq(authSessions.id, sessionId), gt(authSessions.expiresAt, sql`now()`), isNull(users.disabledAt)),
    );
  if (!row) return null;
  const { emailVerifiedAt, ...user } = row;
  return { ...user, sessionId, emailVerified: emailVerifiedAt !== null };
}

export const SESSION_MAX_AGE_SECONDS = SESSION_HOURS * 3600;
