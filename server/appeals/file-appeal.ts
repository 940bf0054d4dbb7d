import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealPublications, appeals, attachments, stateBodies } from "@/db/schema";
import type { AppealKind } from "../deadlines/deadline-policy";
import { considerationDueAt, registrationDate } from "../deadlines/deadline-policy";
import { loadDeadlinePolicy, loadWorkingCalendar } from "../deadlines/load-calendar";
import { almatyDate } from "../deadlines/working-calendar";
import type { Category } from "../directory/state-bodies-directory";
import { suggestBodies } from "../directory/suggest-body";
import { DomainError } from "../errors";
import { notifyApplicant } from "../notifications/notify";
import { hashAccessCode, newAccessCode } from "./access-code";
import { nextAppealNumber } from "./appeal-number";
import { type CheckedFile, checkAttachments, type IncomingFile } from "./attachment-rules";
import { type Actor, type Appeal, applyAction, recordEvent } from "./lifecycle";

export type FileAppealOptions = {
  kind: AppealKind;
  bodyId: string;
  category: Category;
  region: string | null;
  subject: string;
  text: string;
  publishConsent: boolean;
  locale: string;
  /** The citizen's account; null for an anonymous report or an assisted filing without an account. */
  authorId: string | null;
  anonymous?: boolean;
  /** Anonymous appeals are accepted only as reports of a crime or a threat to public security. */
  crimeReport?: boolean;
  applicant?: { name: string; email?: string | null; phone?: string | null; address?: string | null };
  /** The applicant proved the phone theirs by a code sent to it (server/sms/phone-verification.ts). */
  phoneVerified?: boolean;
  channel?: "online" | "assisted" | "open311";
  /** The operator who filed on the citizen's behalf, having recorded the citizen's consent. */
  assistedBy?: Actor;
  attachments?: readonly IncomingFile[];
  idempotencyKey?: string | null;
  complaintOfId?: string | null;
  /** Where the problem is, as an Open311 client reports it: a place, never the applicant's address. */
  location?: { latitude: number | null; longitude: number | null; text: string | null };
  /**
   * Runs once the filing is known to be new, not a retry, before its files are decoded or anything is
   * written; it may refuse by throwing (the caller's rate limit: a retry must not count against it).
   */
  admitNew?: () => Promise<void>;
  now?: Date;
};

export type FiledAppeal = { appeal: Appeal; accessCode: string | null; replayed: boolean };

function requestHash(o: FileAppealOptions): string {
  const content = {
    kind: o.kind,
    bodyId: o.bodyId,
    category: o.category,
    region: o.region,
    subject: o.subject,
    text: o.text,
    authorId: o.authorId,
    anonymous: Boolean(o.anonymous),
    publishConsent: o.publishConsent,
    locale: o.locale,
    // An assisted filing for another person under the same key is a different request.
    applicant: o.applicant ?? null,
    // Only when given, so that the hashes of earlier filings (and their retries) stay as they were.
    ...(o.location ? { location: o.location } : {}),
    // The files as sent, not as stored: a retry is the same request even if re-encoding an image were
    // ever to give other bytes (another libvips), and filings before re-encoding keep their hashes.
    files: (o.attachments ?? []).map((f) => createHash("sha256").update(f.bytes).digest("hex")),
  };
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

/**
 * Files and registers an appeal (APPC Art. 76: registration is automatic for appeals filed online) in one
 * transaction with its files, its first event and the receipt notice. The caller acknowledges the appeal
 * only after this returns, i.e. after the commit. A repeated idempotency key returns the first appeal.
 * Given an open transaction (a complaint and the event on its original), it files inside it as a
 * savepoint, and the caller's commit is the one that counts.
 */
export async function fileAppeal(db: Db, o: FileAppealOptions): Promise<FiledAppeal> {
  if (o.anonymous && !o.crimeReport) throw new DomainError("ANONYMOUS_NOT_ALLOWED");
  const hash = requestHash(o);
  // A retry answers at once, without decoding its images again: they were checked when first filed.
  if (o.idempotencyKey) {
    const replay = await replayOf(db, o.idempotencyKey, hash);
    if (replay) return replay;
  }
  await o.admitNew?.();
  const files = await checkAttachments(o.attachments ?? []);
  try {
    return await db.transaction((tx) => insertAppeal(tx, o, files, hash));
  } catch (error) {
    // A concurrent submission with the same key committed first: answer with its appeal.
    if (o.idempotencyKey && isUniqueViolation(error)) {
      const replay = await replayOf(db, o.idempotencyKey, hash);
      if (replay) return replay;
    }
    throw error;
  }
}

async function replayOf(db: Db, key: string, hash: string): Promise<FiledAppeal | null> {
  const [existing] = await db.select().from(appeals).where(eq(appeals.idempotencyKey, key));
  if (!existing) return null;
  if (existing.requestHash !== hash) throw new DomainError("IDEMPOTENCY_MISMATCH");
  return { appeal: existing, accessCode: null, replayed: true };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

async function insertAppeal(tx: Db, o: FileAppealOptions, files: CheckedFile[], hash: string) {
  const now = o.now ?? new Date();
  const [body] = await tx
    .select({ id: stateBodies.id })
    .from(stateBodies)
    .where(eq(stateBodies.id, o.bodyId));
  if (!body) throw new DomainError("NOT_FOUND");
  const cal = await loadWorkingCalendar(tx);
  const policy = await loadDeadlinePolicy(tx, o.kind);
  const registeredOn = registrationDate(now, cal);
  const dueAt = considerationDueAt(registeredOn, policy, cal);
  const accessCode = o.channel === "assisted" ? newAccessCode() : null;
  const number = await nextAppealNumber(tx, Number(almatyDate(now).slice(0, 4)));

  const [appeal] = await tx
    .insert(appeals)
    .values({
      number,
      kind: o.kind,
      category: o.category,
      region: o.region,
      bodyId: o.bodyId,
      subject: o.subject,
      text: o.text,
      authorId: o.anonymous ? null : o.authorId,
      anonymous: Boolean(o.anonymous),
      applicantName: o.applicant?.name ?? null,
      applicantEmail: o.applicant?.email ?? null,
      applicantPhone: o.applicant?.phone ?? null,
      applicantPhoneVerifiedAt: o.applicant?.phone && o.phoneVerified ? now : null,
      applicantAddress: o.applicant?.address ?? null,
      channel: o.channel ?? "online",
      filedById: o.assistedBy?.id ?? null,
      consentRecordedAt: o.assistedBy ? now : null,
      accessCodeHash: accessCode ? hashAccessCode(accessCode) : null,
      publishConsent: o.publishConsent,
      latitude: o.location?.latitude ?? null,
      longitude: o.location?.longitude ?? null,
      locationText: o.location?.text ?? null,
      locale: o.locale,
      complaintOfId: o.complaintOfId ?? null,
      filedAt: now,
      receivedAt: now,
      registeredOn,
      dueAt,
      idempotencyKey: o.idempotencyKey ?? null,
      requestHash: hash,
    })
    .returning();
  if (!appeal) throw new Error("appeal not inserted");
  // Publication waits for a moderator; delivery to the body and the deadline never do.
  if (o.publishConsent && !o.anonymous) await tx.insert(appealPublications).values({ appealId: appeal.id });
  if (files.length > 0) {
    await tx
      .insert(attachments)
      .values(
        files.map((f) => ({ ...f, appealId: appeal.id, uploadedById: o.assistedBy?.id ?? o.authorId })),
      );
  }
  await recordEvent(tx, {
    appealId: appeal.id,
    type: "registered",
    actor: o.assistedBy ?? (o.authorId ? { id: o.authorId, role: "citizen" } : null),
    bodyId: o.bodyId,
    at: now,
    data: {
      number,
      registeredOn,
      dueAt: dueAt.toISOString(),
      channel: appeal.channel,
      attachments: files.length,
      ...(o.complaintOfId ? { complaintOf: o.complaintOfId } : {}),
    },
  });
  await notifyApplicant(tx, { appeal, type: "registered" });
  const filed = o.crimeReport && o.anonymous ? await forwardCrimeReport(tx, appeal, o) : appeal;
  return { appeal: filed, accessCode, replayed: false };
}

// An anonymous report of a crime goes at once to the competent body for public safety; the forward is
// logged like any other.
async function forwardCrimeReport(tx: Db, appeal: Appeal, o: FileAppealOptions): Promise<Appeal> {
  const [police] = await suggestBodies(tx, { category: "public_safety", region: o.region });
  if (!police || police.id === appeal.bodyId) return appeal;
  const { appeal: forwarded } = await applyAction(tx, {
    appeal,
    action: "forward",
    actor: null,
    set: { bodyId: police.id, forwardCount: 1, receivedAt: o.now ?? new Date() },
    data: {
      from: appeal.bodyId,
      to: police.id,
      reason: "anonymous_crime_report",
      dueAt: appeal.dueAt.toISOString(),
    },
  });
  return forwarded;
}
