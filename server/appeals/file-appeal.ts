import { createHash, randomUUID } from "node:crypto";
import { eq, type SQL, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { rowOf } from "@/db/map-row";
import {
  appealEvents,
  appealNumberCounters,
  appealPublications,
  appeals,
  attachments,
  mailMessages,
  notifications,
  smsMessages,
  users,
} from "@/db/schema";
import type { AppealKind } from "../deadlines/deadline-policy";
import { considerationDueAt, registrationDate } from "../deadlines/deadline-policy";
import {
  type DeadlineRules,
  deadlineRules,
  isRulesChanged,
  reloadDeadlineRules,
  requireCurrent,
} from "../deadlines/deadline-rules";
import { almatyDate } from "../deadlines/working-calendar";
import type { Category } from "../directory/state-bodies-directory";
import { suggestBodies } from "../directory/suggest-body";
import { DomainError } from "../errors";
import { formatAlmatyTime, noticeMail, typedApplicantEmail } from "../notifications/notify";
import { almatyDayStart, SMS_DAILY_CAP, SMS_QUEUED_CHANNEL } from "../sms/queue-sms";
import { smsDate, smsTranslator } from "../sms/sms-text";
import { hashAccessCode, newAccessCode } from "./access-code";
import { appealNumberSql } from "./appeal-number";
import { type CheckedFile, checkAttachments, type IncomingFile } from "./attachment-rules";
import { type Actor, type Appeal, type AppealEventType, applyAction } from "./lifecycle";

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
 * Files and registers an appeal (APPC Art. 76: registration is automatic for appeals filed online) with its
 * files, its first event and the receipt notice, all in one statement that commits as a whole. The caller
 * acknowledges the appeal only after this returns, i.e. after the commit. A repeated idempotency key
 * returns the first appeal. Given an open transaction (a complaint and the event on its original), it files
 * inside it as a savepoint, and the caller's commit is the one that counts.
 */
export async function fileAppeal(db: Db, o: FileAppealOptions): Promise<FiledAppeal> {
  if (o.anonymous && !o.crimeReport) throw new DomainError("ANONYMOUS_NOT_ALLOWED");
  const hash = requestHash(o);
  // A retry answers at once, without decoding its images again (they were checked when first filed) or
  // counting against the caller's limit. With neither to spare, the filing statement meets the key's unique
  // index instead, gives its number back and answers from the first appeal below: one round trip fewer.
  if (o.idempotencyKey && (o.admitNew || o.attachments?.length)) {
    const replay = await replayOf(db, o.idempotencyKey, hash);
    if (replay) return replay;
  }
  await o.admitNew?.();
  const files = await checkAttachments(o.attachments ?? []);
  let rules = await deadlineRules(db);
  for (let attempt = 1; ; attempt++) {
    try {
      return await registerOnce(db, o, files, hash, rules);
    } catch (error) {
      // An admin changed the calendar or a policy since this process read them: read them again.
      if (isRulesChanged(error) && attempt < 3) {
        rules = await reloadDeadlineRules(db, rules);
        continue;
      }
      // A concurrent submission with the same key committed first: answer with its appeal.
      if (o.idempotencyKey && isUniqueViolation(error)) {
        const replay = await replayOf(db, o.idempotencyKey, hash);
        if (replay) return replay;
      }
      if (isViolationOf(error, BODY_FOREIGN_KEY)) throw new DomainError("NOT_FOUND");
      throw error;
    }
  }
}

function registerOnce(
  db: Db,
  o: FileAppealOptions,
  files: CheckedFile[],
  hash: string,
  rules: DeadlineRules,
) {
  // An anonymous report of a crime is forwarded once registered: two steps, one transaction. Inside a
  // caller's transaction, a savepoint keeps a refused statement from aborting the caller's work.
  if ((o.crimeReport && o.anonymous) || db instanceof PgTransaction)
    return db.transaction(async (tx) => {
      const filed = await insertAppeal(tx, o, files, hash, rules);
      const forwarded = o.crimeReport && o.anonymous ? await forwardCrimeReport(tx, filed.appeal, o) : null;
      return forwarded ? { ...filed, appeal: forwarded } : filed;
    });
  // Otherwise the one statement is its own transaction: no round trip for BEGIN or COMMIT.
  return insertAppeal(db, o, files, hash, rules);
}

async function replayOf(db: Db, key: string, hash: string): Promise<FiledAppeal | null> {
  const [existing] = await db.select().from(appeals).where(eq(appeals.idempotencyKey, key));
  if (!existing) return null;
  if (existing.requestHash !== hash) throw new DomainError("IDEMPOTENCY_MISMATCH");
  return { appeal: existing, accessCode: null, replayed: true };
}

const BODY_FOREIGN_KEY = "appeals_body_id_state_bodies_id_fk";

type PgError = { code?: string; constraint_name?: string };
const pgErrorOf = (error: unknown): PgError =>
  ((error as { cause?: PgError })?.cause ?? (error as PgError)) || {};

function isUniqueViolation(error: unknown): boolean {
  return pgErrorOf(error).code === "23505";
}

function isViolationOf(error: unknown, constraint: string): boolean {
  const e = pgErrorOf(error);
  return e.code === "23503" && e.constraint_name === constraint;
}

// The registration number's place in the texts rendered before the number exists; random, so that no
// subject or text written by a citizen can contain it.
const numberPlaceholder = () => `[number:${randomUUID()}]`;

/**
 * One statement: the year's counter, the appeal, its publication request, files, event and notices. The
 * counter row is locked only for that statement, not from the start of a transaction of many round trips;
 * and since the statement commits or fails as a whole, a refused filing gives its number back (no gaps).
 * The deadline rules come from memory, checked against their version inside the same statement; the body
 * is checked by its foreign key.
 */
async function insertAppeal(
  h: Db,
  o: FileAppealOptions,
  files: CheckedFile[],
  hash: string,
  rules: DeadlineRules,
): Promise<FiledAppeal> {
  const now = o.now ?? new Date();
  const registeredOn = registrationDate(now, rules.calendar);
  const dueAt = considerationDueAt(registeredOn, rules.policy(o.kind), rules.calendar);
  const accessCode = o.channel === "assisted" ? newAccessCode() : null;
  const year = Number(almatyDate(now).slice(0, 4));
  const id = randomUUID();
  const channel = o.channel ?? "online";
  const authorId = o.anonymous ? null : o.authorId;
  const number = sql`(select number from counter)`;

  const appeal = h
    .insert(appeals)
    .values({
      id,
      number,
      kind: o.kind,
      category: o.category,
      region: o.region,
      bodyId: o.bodyId,
      subject: o.subject,
      text: o.text,
      authorId,
      anonymous: Boolean(o.anonymous),
      applicantName: o.applicant?.name ?? null,
      applicantEmail: o.applicant?.email ?? null,
      applicantPhone: o.applicant?.phone ?? null,
      applicantPhoneVerifiedAt: o.applicant?.phone && o.phoneVerified ? now : null,
      applicantAddress: o.applicant?.address ?? null,
      channel,
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
  const eventData = {
    registeredOn,
    dueAt: dueAt.toISOString(),
    channel,
    attachments: files.length,
    ...(o.complaintOfId ? { complaintOf: o.complaintOfId } : {}),
  };
  // As recordEvent writes it.
  const actor: Actor = o.assistedBy ?? (o.authorId ? { id: o.authorId, role: "citizen" } : null);
  const event = h.insert(appealEvents).values({
    appealId: id,
    type: "registered" satisfies AppealEventType,
    actorId: actor?.id ?? null,
    actorRole: actor?.role ?? "system",
    bodyId: o.bodyId,
    occurredAt: now,
    data: sql`${JSON.stringify(eventData)}::jsonb || jsonb_build_object('number', ${number})`,
  });
  const parts = [sql`appeal as (${appeal.getSQL()})`, sql`event as (${event.getSQL()})`];
  // Publication waits for a moderator; delivery to the body and the deadline never do.
  if (o.publishConsent && !o.anonymous)
    parts.push(
      sql`publication as (${h
        .insert(appealPublications)
        .values({ appealId: id, submittedAt: now, region: o.region, category: o.category, bodyId: o.bodyId })
        .getSQL()})`,
    );
  if (files.length > 0) {
    const rows = files.map((f) => ({ ...f, appealId: id, uploadedById: o.assistedBy?.id ?? o.authorId }));
    parts.push(sql`files as (${h.insert(attachments).values(rows).getSQL()})`);
  }
  // The receipt notice, as notifyApplicant writes it: in the app for an account, by e-mail to a typed
  // address or else the author's confirmed one. An anonymous report has nobody to tell.
  if (!o.anonymous) {
    if (authorId)
      parts.push(
        sql`notice as (${h.insert(notifications).values({ userId: authorId, appealId: id, type: "registered" }).getSQL()})`,
      );
    const placeholder = numberPlaceholder();
    const mail = await noticeMail({
      appeal: { id, number: placeholder, subject: o.subject },
      locale: o.locale,
      type: "registered",
      values: { dueAt: formatAlmatyTime(dueAt, o.locale) },
      followAt: authorId ? "appeals" : "track",
    });
    const typed = typedApplicantEmail({ channel, applicantEmail: o.applicant?.email ?? null });
    const confirmed = sql`(select ${users.email} from ${users} where ${users.id} = ${authorId}::uuid and ${users.emailVerifiedAt} is not null)`;
    parts.push(sql`mail as (
      insert into ${mailMessages} ("to", "subject", "text", "appeal_id")
      select address, replace(${mail.subject}, ${placeholder}, ${number}), replace(${mail.text}, ${placeholder}, ${number}), ${id}::uuid
      from (select coalesce(${typed}::text, ${confirmed}) as address) recipient
      where address is not null)`);
    parts.push(await registeredSms(o, { id, authorId, dueAt, now, placeholder, number }));
  }

  const rows = await h.execute(sql`
    with counter as (
      insert into ${appealNumberCounters} ("year", "last")
      select ${year}, 1 where ${requireCurrent(rules)}
      on conflict ("year") do update set "last" = ${appealNumberCounters}."last" + 1
      returning ${appealNumberSql(year, sql`"last"`)} as number
    ), ${sql.join(parts, sql`, `)}
    select appeal.*${o.anonymous ? sql`` : sql`, (select count(pg_notify(${SMS_QUEUED_CHANNEL}, '')) from sms where sms.status = 'queued') as sms_woken`}
    from appeal`);
  const [row] = rows as unknown as Record<string, unknown>[];
  if (!row) throw new Error("appeal not inserted");
  return { appeal: rowOf(appeals, row), accessCode, replayed: false };
}

/**
 * The receipt SMS, as notifyBySms writes it: to the phone proved at a service centre, else to the author's
 * account's proved phone, under the number's daily cap; the sender is woken when the statement commits.
 */
async function registeredSms(
  o: FileAppealOptions,
  a: { id: string; authorId: string | null; dueAt: Date; now: Date; placeholder: string; number: SQL },
): Promise<SQL> {
  const t = await smsTranslator(o.locale);
  const text = t("registered", { number: a.placeholder, dueAt: smsDate(a.dueAt, o.locale) });
  const proved = o.applicant?.phone && o.phoneVerified ? o.applicant.phone : null;
  const accounts = sql`(select ${users.phone} from ${users} where ${users.id} = ${a.authorId}::uuid and ${users.phoneVerifiedAt} is not null)`;
  const sentToday = sql`(select count(*) from ${smsMessages} s where s."to" = recipient.phone
    and s.created_at >= ${almatyDayStart(a.now).toISOString()}::timestamptz and s.status <> 'capped')`;
  return sql`sms as (
    insert into ${smsMessages} ("to", "text", "kind", "appeal_id", "status", "created_at", "next_attempt_at")
    select phone, replace(${text}, ${a.placeholder}, ${a.number}), 'notice'::sms_kind, ${a.id}::uuid,
      (case when ${sentToday} >= ${SMS_DAILY_CAP} then 'capped' else 'queued' end)::sms_status,
      ${a.now.toISOString()}::timestamptz, ${a.now.toISOString()}::timestamptz
    from (select coalesce(${proved}::text, ${accounts}) as phone) recipient
    where phone is not null
    returning status)`;
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
