import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Appeal } from "../appeals/lifecycle";
import type { NotificationType } from "../notifications/notify";
import { queueSms } from "./queue-sms";
import { smsDate, smsTranslator } from "./sms-text";

/** The notices a citizen gets by SMS: the steps of their appeal, not moderation or staff matters. */
export const SMS_NOTICE_TYPES: ReadonlySet<NotificationType> = new Set([
  "registered",
  "forwarded",
  "extended",
  "clarification_requested",
  "answered",
  "overdue",
]);

/**
 * The phone an appeal's applicant proved theirs by a code: the one given at a service centre, else the
 * author's account's. A number typed without a code (an Open311 client, an operator who did not check
 * it) stays a contact for the body and gets no SMS: texting it would text whoever the number is.
 */
export async function verifiedApplicantPhone(db: Db, appeal: Appeal): Promise<string | null> {
  if (appeal.anonymous) return null;
  if (appeal.applicantPhone && appeal.applicantPhoneVerifiedAt) return appeal.applicantPhone;
  if (!appeal.authorId) return null;
  const [author] = await db
    .select({ phone: users.phone })
    .from(users)
    .where(and(eq(users.id, appeal.authorId), isNotNull(users.phoneVerifiedAt)));
  return author?.phone ?? null;
}

/** Queues the SMS notice of a step of an appeal, in the appeal's language, if its applicant has a verified phone. */
export async function notifyBySms(tx: Db, o: { appeal: Appeal; type: NotificationType }) {
  if (!SMS_NOTICE_TYPES.has(o.type)) return;
  const phone = await verifiedApplicantPhone(tx, o.appeal);
  if (!phone) return;
  const t = await smsTranslator(o.appeal.locale);
  await queueSms(tx, {
    to: phone,
    kind: "notice",
    appealId: o.appeal.id,
    text: t(o.type, { number: o.appeal.number, dueAt: smsDate(o.appeal.dueAt, o.appeal.locale) }),
  });
}
