import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailMessages, type NOTIFICATION_TYPES, notifications, users } from "@/db/schema";
import { formatInAlmaty } from "@/i18n/almaty-format";
import { namespaceTranslator } from "@/i18n/namespace-translator";
import type { Locale } from "@/i18n/routing";
import { asLocale } from "@/i18n/routing";
import type { Appeal } from "../appeals/lifecycle";
import { publicBaseUrl } from "../http/public-base-url";
import { notifyBySms } from "../sms/notify-by-sms";

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
type Recipient = { userId: string | null; email: string | null; locale: string };
/** A value for a notice: literal text, or a key of the mail catalogue rendered in the recipient's language. */
export type NoticeValue = string | { message: string };

/** A date and time as the notices give it, in Kazakhstan time. */
export const formatAlmatyTime = (date: Date, locale: string) => formatInAlmaty(date, locale, "dateTime");

/** Where a recipient follows the appeal: the applicant's page, an official's inbox, or /track without an account. */
export type FollowPage = "appeals" | "inbox" | "track";

function followLink(appeal: Pick<Appeal, "id">, page: FollowPage, locale: Locale): string {
  const base = publicBaseUrl();
  return page === "track" ? `${base}/${locale}/track` : `${base}/${locale}/${page}/${appeal.id}`;
}

/** A notice's e-mail in the recipient's language: its subject and text, with the link to follow. */
export async function noticeMail(o: {
  appeal: Pick<Appeal, "id" | "number" | "subject">;
  locale: string;
  type: NotificationType;
  values?: Record<string, NoticeValue>;
  followAt: FollowPage;
}): Promise<{ subject: string; text: string }> {
  const locale = asLocale(o.locale);
  const t = await namespaceTranslator(locale, "mail");
  const values: Record<string, string> = { number: o.appeal.number, subject: o.appeal.subject };
  for (const [name, value] of Object.entries(o.values ?? {})) {
    values[name] = typeof value === "string" ? value : t(value.message);
  }
  return {
    subject: t(`${o.type}.subject`, values),
    text: `${t(`${o.type}.body`, values)}\n\n${t("footer", { link: followLink(o.appeal, o.followAt, locale) })}`,
  };
}

/**
 * Tells one person about an event of an appeal: in the app if they have an account, by e-mail if an
 * address is known. Written in the caller's transaction, so a notice exists exactly when its event does;
 * the e-mail is sent afterwards by the mail job, with retries.
 */
export async function notify(
  tx: Db,
  o: {
    recipient: Recipient;
    appeal: Appeal;
    type: NotificationType;
    values?: Record<string, NoticeValue>;
    followAt: FollowPage;
  },
) {
  if (o.recipient.userId) {
    await tx
      .insert(notifications)
      .values({ userId: o.recipient.userId, appealId: o.appeal.id, type: o.type });
  }
  if (!o.recipient.email) return;
  const mail = await noticeMail({ ...o, locale: o.recipient.locale });
  await tx.insert(mailMessages).values({ to: o.recipient.email, ...mail, appealId: o.appeal.id });
}

/** The address the applicant gave that the service may mail: none from Open311 clients (see below). */
export const typedApplicantEmail = (appeal: Pick<Appeal, "channel" | "applicantEmail">) =>
  appeal.channel === "open311" ? null : appeal.applicantEmail;

/** The applicant of an appeal: its author's account, or the contacts recorded at an assisted filing. */
export async function notifyApplicant(
  tx: Db,
  o: { appeal: Appeal; type: NotificationType; values?: Record<string, NoticeValue> },
) {
  if (o.appeal.anonymous) return;
  // Mail goes only to confirmed addresses. The e-mail in an Open311 request was typed by a client and
  // confirmed by nobody: mailing it would let any key holder send our mail anywhere. Those notices go to
  // the key's own account, which the client follows; the typed address stays a contact for the body.
  let email = typedApplicantEmail(o.appeal);
  if (!email && o.appeal.authorId) {
    const [author] = await tx
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.id, o.appeal.authorId), isNotNull(users.emailVerifiedAt)));
    email = author?.email ?? null;
  }
  await notify(tx, {
    recipient: { userId: o.appeal.authorId, email, locale: o.appeal.locale },
    appeal: o.appeal,
    type: o.type,
    values: { dueAt: formatAlmatyTime(o.appeal.dueAt, o.appeal.locale), ...o.values },
    // An applicant filed for at a service centre has no account: they follow by number and code.
    followAt: o.appeal.authorId ? "appeals" : "track",
  });
  // A citizen without internet learns of each step by SMS, on a phone proved theirs (docs/sms.md).
  await notifyBySms(tx, { appeal: o.appeal, type: o.type });
}
