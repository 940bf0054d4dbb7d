import { createTranslator } from "next-intl";
import type { Db } from "@/db/client";
import { mailMessages } from "@/db/schema";
import { loadMessages } from "@/i18n/messages";
import { asLocale } from "@/i18n/routing";

/** The account e-mails: each is a subject and body in the `accountMail` catalogue. */
export type AccountMail = "verifyEmail" | "alreadyRegistered" | "resetPassword" | "passwordChanged";

/** A page of this deployment, for a link in a mail. */
export function accountLink(locale: string, page: string, token?: string): string {
  const base = process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  return `${base}/${asLocale(locale)}/${page}${token ? `?token=${encodeURIComponent(token)}` : ""}`;
}

/**
 * Queues one account e-mail in the caller's transaction; the mail job sends it (or, without SMTP, keeps it
 * in the development outbox).
 */
export async function mailAccountLink(
  tx: Db,
  o: { to: string; locale: string; mail: AccountMail; link: string },
) {
  const locale = asLocale(o.locale);
  const t = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "accountMail",
  }) as unknown as (key: string, values?: Record<string, string>) => string;
  await tx.insert(mailMessages).values({
    to: o.to,
    subject: t(`${o.mail}.subject`),
    text: t(`${o.mail}.body`, { link: o.link }),
  });
}
