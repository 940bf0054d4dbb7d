import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Database, Db } from "@/db/client";
import { mailMessages } from "@/db/schema";
import { logger } from "../observability/logger";

/** After this many failed attempts a message is given up as "failed" (about 2 hours of backoff). */
export const MAX_MAIL_ATTEMPTS = 8;
const BATCH = 50;

export type Mailer = { transport: Transporter; from: string };

/**
 * The mailer for SMTP_URL, or null without one: then no mail can leave and each message is only kept
 * (shown at /dev/outbox). Timeouts are shortened from nodemailer's minutes, since a message is sent while
 * its row is locked; settings written in the URL itself win.
 */
export function mailerFromEnvironment(env: Record<string, string | undefined> = process.env): Mailer | null {
  if (!env.SMTP_URL) return null;
  const url = new URL(env.SMTP_URL);
  for (const [key, ms] of [
    ["connectionTimeout", "10000"],
    ["greetingTimeout", "10000"],
    ["socketTimeout", "30000"],
  ] as const) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, ms);
  }
  return {
    transport: nodemailer.createTransport(url.toString()),
    from: env.MAIL_FROM ?? "Tyndau <no-reply@tyndau.kz>",
  };
}

/**
 * Drains the mail queue, which is the mail_messages table itself: rows are written in the transaction
 * that caused them and sent here afterwards. Each message is sent in its own transaction holding its row
 * (FOR UPDATE SKIP LOCKED), so two processes never send the same one; a crash before the commit leaves
 * it queued, to be sent again (at least once, never lost). A failure is retried with exponential
 * backoff counted from the message's creation: attempt n+1 waits until createdAt + (2^n − 1) minutes.
 * Returns how many messages were handled (sent, kept, or failed an attempt).
 */
export async function sendQueuedMail(db: Database, now: Date, mailer: Mailer | null): Promise<number> {
  if (!mailer) {
    const kept = await db
      .update(mailMessages)
      .set({ status: "kept" })
      .where(eq(mailMessages.status, "queued"))
      .returning({ id: mailMessages.id });
    return kept.length;
  }
  // Tried once per run at most: a message that fails now waits for a later run, whatever its backoff says.
  const tried: string[] = [];
  while (tried.length < BATCH) {
    const id = await db.transaction((tx) => sendNext(tx, now, mailer, tried));
    if (!id) break;
    tried.push(id);
  }
  return tried.length;
}

async function sendNext(tx: Db, now: Date, mailer: Mailer, tried: string[]): Promise<string | null> {
  const [message] = await tx
    .select()
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.status, "queued"),
        sql`${mailMessages.createdAt} + make_interval(mins => (power(2, ${mailMessages.attempts}) - 1)::int) <= ${now.toISOString()}::timestamptz`,
        tried.length > 0 ? notInArray(mailMessages.id, tried) : undefined,
      ),
    )
    .orderBy(asc(mailMessages.createdAt))
    .limit(1)
    .for("update", { skipLocked: true });
  if (!message) return null;
  const attempts = message.attempts + 1;
  try {
    await mailer.transport.sendMail({
      from: mailer.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
    await tx
      .update(mailMessages)
      .set({ status: "sent", attempts, sentAt: now, lastError: null })
      .where(eq(mailMessages.id, message.id));
  } catch (error) {
    // An SMTP answer often quotes the recipient's address: only its codes are logged.
    const smtp = error as { code?: unknown; responseCode?: unknown };
    logger.warn(
      {
        mailId: message.id,
        attempt: attempts,
        gaveUp: attempts >= MAX_MAIL_ATTEMPTS,
        errorCode: typeof smtp.code === "string" ? smtp.code : null,
        smtpCode: typeof smtp.responseCode === "number" ? smtp.responseCode : null,
      },
      "mail not sent",
    );
    await tx
      .update(mailMessages)
      .set({
        status: attempts >= MAX_MAIL_ATTEMPTS ? "failed" : "queued",
        attempts,
        lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
      })
      .where(eq(mailMessages.id, message.id));
  }
  return message.id;
}
