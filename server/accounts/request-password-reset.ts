import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { issueAccountToken } from "./account-tokens";
import { accountLink, mailAccountLink } from "./mail-account-link";

/**
 * Mails a reset link to the address if an active account has it. The answer is the same either way, so
 * the form tells nobody whether an address is registered; the rate limits (per address and per e-mail,
 * in the router) keep it from being used to flood someone's mailbox.
 */
export async function requestPasswordReset(db: Db, o: { email: string }): Promise<{ status: "check-mail" }> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, locale: users.preferredLocale })
      .from(users)
      .where(and(eq(sql`lower(${users.email})`, o.email.trim().toLowerCase()), isNull(users.disabledAt)));
    if (!user) return;
    const token = await issueAccountToken(tx, { userId: user.id, purpose: "reset_password" });
    await mailAccountLink(tx, {
      to: user.email,
      locale: user.locale,
      mail: "resetPassword",
      link: accountLink(user.locale, "reset-password", token),
    });
  });
  return { status: "check-mail" };
}
