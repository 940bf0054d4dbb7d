import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "../auth/password";
import { DomainError } from "../errors";

export type RegisterCitizenOptions = { fullName: string; email: string; password: string; locale: string };

// Only citizens register themselves; officials, moderators and auditors are created by an admin.
export async function registerCitizen(db: Db, o: RegisterCitizenOptions) {
  const passwordHash = await hashPassword(o.password);
  const [user] = await db
    .insert(users)
    .values({
      fullName: o.fullName.trim(),
      email: o.email.trim().toLowerCase(),
      passwordHash,
      role: "citizen",
      preferredLocale: o.locale,
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!user) throw new DomainError("EMAIL_TAKEN");
  return user;
}
