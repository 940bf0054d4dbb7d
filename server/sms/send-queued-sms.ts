import { and, asc, eq, lte, notInArray } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { smsMessages } from "@/db/schema";
import { logger } from "../observability/logger";
import { SmsNotSubmittedError, type SmsSender } from "./smpp-gateway";

/** After this many failed attempts an SMS is given up as "failed" (about two hours of backoff). */
export const MAX_SMS_ATTEMPTS = 8;
const BATCH = 50;
const FIRST_RETRY_MS = 30_000;
const LAST_RETRY_MS = 3600_000;

/** Thrown by a run that left SMS to try again, so the job queue runs it again after its retry delay. */
export class SmsLeftQueuedError extends Error {
  constructor(readonly count: number) {
    super(`${count} sms left queued for a retry`);
    this.name = "SmsLeftQueuedError";
  }
}

/**
 * Drains the SMS queue (sms_messages), as send-mail.ts drains mail: each message in its own transaction
 * holding its row, so two processes never send one twice, and a crash before the commit leaves it
 * queued (at least once, never lost). An SMSC that is down or answers an error leaves the message queued
 * for a later attempt, 30 s after the first failure and doubling up to an hour. Without a sender (no
 * SMPP_URL) messages are only kept, for /dev/outbox. Returns how many were handled.
 */
export async function sendQueuedSms(db: Database, now: Date, sender: SmsSender | null): Promise<number> {
  if (!sender) {
    const kept = await db
      .update(smsMessages)
      .set({ status: "kept" })
      .where(eq(smsMessages.status, "queued"))
      .returning({ id: smsMessages.id });
    return kept.length;
  }
  const tried: string[] = [];
  let failed = 0;
  while (tried.length < BATCH) {
    const outcome = await db.transaction((tx) => sendNext(tx, now, sender, tried));
    if (!outcome) break;
    tried.push(outcome.id);
    if (outcome.retry) failed++;
  }
  if (failed > 0) throw new SmsLeftQueuedError(failed);
  return tried.length;
}

async function sendNext(tx: Db, now: Date, sender: SmsSender, tried: string[]) {
  const [message] = await tx
    .select()
    .from(smsMessages)
    .where(
      and(
        eq(smsMessages.status, "queued"),
        lte(smsMessages.nextAttemptAt, now),
        tried.length > 0 ? notInArray(smsMessages.id, tried) : undefined,
      ),
    )
    .orderBy(asc(smsMessages.createdAt))
    .limit(1)
    .for("update", { skipLocked: true });
  if (!message) return null;
  const attempts = message.attempts + 1;
  try {
    // The same reference on every attempt: parts of a retried message join those that got through before.
    const smscIds = await sender.submit(
      message.to,
      message.text,
      Number.parseInt(message.id.slice(0, 2), 16),
    );
    await tx
      .update(smsMessages)
      .set({
        status: "sent",
        attempts,
        parts: smscIds.length,
        smscIds,
        sentAt: now,
        lastError: null,
        // A code, once on the phone, is needed nowhere else; only its hash is kept (phone-verification.ts).
        ...(message.kind === "code" ? { text: message.text.replace(/\d{6}/g, "••••••") } : {}),
      })
      .where(eq(smsMessages.id, message.id));
    return { id: message.id, retry: false };
  } catch (error) {
    const gaveUp = attempts >= MAX_SMS_ATTEMPTS;
    // The SMSC's answer may quote the number: only the reason and the command status are logged.
    const reason = error instanceof SmsNotSubmittedError ? error.reason : "error";
    logger.warn(
      {
        smsId: message.id,
        attempt: attempts,
        gaveUp,
        reason,
        commandStatus: error instanceof SmsNotSubmittedError ? error.commandStatus : null,
      },
      "sms not sent",
    );
    const delay = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LAST_RETRY_MS);
    await tx
      .update(smsMessages)
      .set({
        status: gaveUp ? "failed" : "queued",
        attempts,
        nextAttemptAt: new Date(now.getTime() + delay),
        lastError: error instanceof SmsNotSubmittedError ? error.message : reason,
      })
      .where(eq(smsMessages.id, message.id));
    return { id: message.id, retry: !gaveUp };
  }
}
