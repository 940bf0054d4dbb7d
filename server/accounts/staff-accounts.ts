import { randomBytes } from "node:crypto";
import { and, asc, eq, ilike, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stateBodies, type UserRole, users } from "@/db/schema";
import { hashPassword } from "../auth/password";
import { endAllSessions } from "../auth/sessions";
import { DomainError } from "../errors";

export const STAFF_ROLES = [
  "official",
  "operator",
  "moderator",
  "auditor",
  "admin",
] as const satisfies UserRole[];
export type StaffRole = (typeof STAFF_ROLES)[number];

async function assertBody(db: Db, role: UserRole, bodyId: string | null) {
  // An official answers for exactly one body; for other roles a body only records where they work.
  if (role === "official" && !bodyId) throw new DomainError("BODY_REQUIRED");
  if (bodyId) {
    const [body] = await db
      .select({ id: stateBodies.id })
      .from(stateBodies)
      .where(eq(stateBodies.id, bodyId));
    if (!body) throw new DomainError("NOT_FOUND");
  }
}

/**
 * Officials, operators, moderators, auditors and admins are created by an admin, never by registration.
 * The first password is generated and shown once to the admin, who hands it over.
 */
export async function createStaffAccount(
  db: Db,
  o: { fullName: string; email: string; role: StaffRole; bodyId: string | null },
) {
  await assertBody(db, o.role, o.bodyId);
  const password = randomBytes(12).toString("base64url");
  const [user] = await db
    .insert(users)
    .values({
      fullName: o.fullName.trim(),
      email: o.email.trim().toLowerCase(),
      role: o.role,
      bodyId: o.bodyId,
      passwordHash: await hashPassword(password),
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!user) throw new DomainError("EMAIL_TAKEN");
  return { id: user.id, password };
}

/** A new role or body takes effect at once: every session of the account ends with the change. */
export async function changeAccountRole(
  db: Db,
  o: { userId: string; role: UserRole; bodyId: string | null; adminId: string },
) {
  if (o.userId === o.adminId) throw new DomainError("FORBIDDEN");
  await assertBody(db, o.role, o.bodyId);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ role: o.role, bodyId: o.bodyId })
      .where(eq(users.id, o.userId))
      .returning({ id: users.id });
    if (!updated) throw new DomainError("NOT_FOUND");
    await endAllSessions(tx, o.userId);
  });
}

/** Disabling ends every session at once; enabling lets the person sign in again. */
export async function setAccountDisabled(db: Db, o: { userId: string; disabled: boolean; adminId: string }) {
  if (o.userId === o.adminId) throw new DomainError("FORBIDDEN");
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ disabledAt: o.disabled ? sql`now()` : null })
      .where(eq(users.id, o.userId))
      .returning({ id: users.id });
    if (!updated) throw new DomainError("NOT_FOUND");
    if (o.disabled) await endAllSessions(tx, o.userId);
  });
}

/**
 * Staff accounts, listed and searched freely. A citizen's name and e-mail are personal data that leave
 * only to the citizen and to the body handling their appeal: an admin finds a citizen's account by its
 * exact e-mail (as given in a support request), never by browsing or by part of a name.
 */
export async function listAccounts(
  db: Db,
  o: { search?: string; role?: UserRole; limit: number; offset: number },
) {
  const search = o.search?.trim();
  const citizenNamed = search ? sql`lower(${users.email}) = lower(${search})` : sql`false`;
  return db
    .select({
      id: users.id,
      fullName: users.fullName,
      email: users.email,
      role: users.role,
      disabled: sql<boolean>`${users.disabledAt} is not null`,
      body: { nameKk: stateBodies.nameKk, nameRu: stateBodies.nameRu, nameEn: stateBodies.nameEn },
    })
    .from(users)
    .leftJoin(stateBodies, eq(stateBodies.id, users.bodyId))
    .where(
      and(
        o.role ? eq(users.role, o.role) : undefined,
        search ? or(ilike(users.email, `%${search}%`), ilike(users.fullName, `%${search}%`)) : undefined,
        or(ne(users.role, "citizen"), citizenNamed),
      ),
    )
    .orderBy(asc(users.role), asc(users.email))
    .limit(o.limit)
    .offset(o.offset);
}
