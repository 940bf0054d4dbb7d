import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals } from "@/db/schema";
import { hashAccessCode, newAccessCode } from "../appeals/access-code";
import type { IncomingFile } from "../appeals/attachment-rules";
import { fileAppeal } from "../appeals/file-appeal";
import type { SessionUser } from "../auth/sessions";
import type { AppealKind } from "../deadlines/deadline-policy";
import type { Category } from "../directory/state-bodies-directory";
import { DomainError } from "../errors";
import { confirmPhoneCode } from "../sms/phone-verification";

export type AssistedFilingOptions = {
  operator: SessionUser;
  applicant: { name: string; phone: string | null; address: string | null; email: string | null };
  /**
   * The code the citizen read out from the SMS the operator had sent to their phone: with it, the
   * citizen's notices and status answers go to that phone by SMS (docs/sms.md).
   */
  phoneVerification?: { id: string; code: string } | null;
  kind: AppealKind;
  bodyId: string;
  category: Category;
  region: string | null;
  subject: string;
  text: string;
  publishConsent: boolean;
  /** The language the citizen reads: notices and the answer reach them in it. */
  locale: string;
  attachments?: readonly IncomingFile[];
  idempotencyKey: string;
};

export type AssistedReceipt = { id: string; number: string; accessCode: string };

/**
 * Files an appeal for a citizen without internet at a service centre. The caller has checked that the
 * citizen consented to the filing and to the processing of their personal data (Law of the RK "On
 * personal data and their protection", Art. 7); fileAppeal records the moment of consent and the operator.
 * The access code printed on the receipt is the citizen's only way to follow the appeal, so it is returned
 * every time: a retry after a lost response issues a new code, which replaces the one nobody saw.
 */
export async function fileAssistedAppeal(db: Db, o: AssistedFilingOptions): Promise<AssistedReceipt> {
  const actor = { id: o.operator.id, role: o.operator.role, bodyId: o.operator.bodyId };
  if (o.phoneVerification && !o.applicant.phone) throw new DomainError("BAD_CODE");
  if (o.phoneVerification && o.applicant.phone) {
    await confirmPhoneCode(db, {
      verificationId: o.phoneVerification.id,
      requestedById: o.operator.id,
      phone: o.applicant.phone,
      code: o.phoneVerification.code,
    });
  }
  const filed = await fileAppeal(db, {
    kind: o.kind,
    bodyId: o.bodyId,
    category: o.category,
    region: o.region,
    subject: o.subject,
    text: o.text,
    publishConsent: o.publishConsent,
    locale: o.locale,
    authorId: null,
    applicant: o.applicant,
    phoneVerified: Boolean(o.phoneVerification),
    channel: "assisted",
    assistedBy: actor,
    attachments: o.attachments,
    idempotencyKey: o.idempotencyKey,
  });
  const { appeal } = filed;
  if (filed.accessCode) return { id: appeal.id, number: appeal.number, accessCode: filed.accessCode };
  // A replay: the key must be this operator's own assisted filing, never another's appeal.
  if (appeal.channel !== "assisted" || appeal.filedById !== o.operator.id) {
    throw new DomainError("IDEMPOTENCY_MISMATCH");
  }
  const accessCode = newAccessCode();
  await db
    .update(appeals)
    .set({ accessCodeHash: hashAccessCode(accessCode) })
    .where(eq(appeals.id, appeal.id));
  return { id: appeal.id, number: appeal.number, accessCode };
}
