import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "../auth/password";
import { issueAccountToken } from "./account-tokens";
import { accountLink, mailAccountLink } from "./mail-account-link";

export type RegisterCitizenOptions = { fullName: string; email: string; password: string; locale: string };

/**
 * Only citizens register themselves; officials, moderators and auditors are created by an admin.
 *
 * The answer is the same whether or not the address already has an account, so registering cannot be
 * used to find out who has one: a new account gets a confirmation link, the owner of a taken address a
 * note that someone tried (with the way to reset their password). The password is hashed either way, so
 * both take the same time. The account can sign in at once but files and supports only once the address
 * is confirmed (server/trpc.ts, verifiedCitizenProcedure).
 */
export async function registerCitizen(db: Db, o: RegisterCitizenOptions): Promise<{ status: "check-mail" }> {
  const passwordHash = await hashPassword(o.password);
  const email = o.email.trim().toLowerCase();
  await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        fullName: o.fullName.trim(),
        email,
        passwordHash,
        role: "citizen",
        preferredLocale: o.locale,
        emailVerifiedAt: null,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (user) {
      const token = await issueAccountToken(tx, { userId: user.id, purpose: "verify_email" });
      await mailAccountLink(tx, {
        to: email,
        locale: o.locale,
        mail: "verifyEmail",
        link: accountLink(o.locale, "verify-email", token),
      });
      return;
    }
    const [owner] = await tx
      .select({ email: users.email, locale: users.preferredLocale })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    if (owner)
      await mailAccountLink(tx, {
        to: owner.email,
        locale: owner.locale,
        mail: "alreadyRegistered",
        link: accountLink(owner.locale, "forgot-password"),
      });
  });
  return { status: "check-mail" };
}
