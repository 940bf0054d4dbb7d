import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "../auth/password";
import { endAllSessions } from "../auth/sessions";
import { DomainError } from "../errors";
import { spendAccountToken, spendAllAccountTokens } from "./account-tokens";
import { accountLink, mailAccountLink } from "./mail-account-link";
import { passwordProblem } from "./password-policy";

/**
 * Sets a new password with a mailed link. The link works once and for 30 minutes; using it ends every
 * session of the account (whoever knew the old password is signed out), spends the account's other reset
 * links, confirms the address (the link reached it), and tells the owner by mail.
 */
export async function resetPassword(db: Db, o: { token: string; password: string }) {
  const passwordHash = await hashPassword(o.password);
  return db.transaction(async (tx) => {
    const userId = await spendAccountToken(tx, { token: o.token, purpose: "reset_password" });
    if (!userId) throw new DomainError("BAD_LINK");
    const [user] = await tx
      .select({ email: users.email, fullName: users.fullName, locale: users.preferredLocale })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) throw new DomainError("BAD_LINK");
    // The schema checked length; the account's own e-mail and name are known only now.
    if (passwordProblem(o.password, user)) throw new DomainError("WEAK_PASSWORD");
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, userId));
    await spendAllAccountTokens(tx, { userId, purpose: "reset_password" });
    await endAllSessions(tx, userId);
    await mailAccountLink(tx, {
      to: user.email,
      locale: user.locale,
      mail: "passwordChanged",
      link: accountLink(user.locale, "forgot-password"),
    });
    return { reset: true as const };
  });
}
