import { and, count, eq, gte, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsMessages } from "@/db/schema";
import { hashForLog, logger } from "../observability/logger";

/**
 * At most this many SMS a day to one number, whatever their kind: a flood of events on one appeal, or a
 * stranger texting the service's number from a number not theirs, must not flood a phone (docs/sms.md).
 */
export const SMS_DAILY_CAP = 10;
/** Woken on commit, the sender sends at once instead of at its next scheduled run. */
export const SMS_QUEUED_CHANNEL = "sms_queued";

// Kazakhstan is UTC+5 all year (server/jobs/register-workers.ts): the day is counted in Almaty time.
const ALMATY_OFFSET_MS = 5 * 3600_000;
const DAY_MS = 86_400_000;
export const almatyDayStart = (now: Date) =>
  new Date(Math.floor((now.getTime() + ALMATY_OFFSET_MS) / DAY_MS) * DAY_MS - ALMATY_OFFSET_MS);

export type SmsKind = (typeof smsMessages.$inferInsert)["kind"];

/**
 * Writes an SMS in the caller's transaction, to be sent by the SMS job afterwards (at least once, with
 * retries), exactly when the event that caused it is committed. Past the number's daily cap it is kept
 * as "capped" and never sent. Returns whether it will be sent.
 */
export async function queueSms(
  tx: Db,
  o: { to: string; text: string; kind: SmsKind; appealId?: string | null; now?: Date },
): Promise<boolean> {
  const now = o.now ?? new Date();
  const [today] = await tx
    .select({ n: count() })
    .from(smsMessages)
    .where(
      and(
        eq(smsMessages.to, o.to),
        gte(smsMessages.createdAt, almatyDayStart(now)),
        ne(smsMessages.status, "capped"),
      ),
    );
  const capped = (today?.n ?? 0) >= SMS_DAILY_CAP;
  await tx.insert(smsMessages).values({
    to: o.to,
    text: o.text,
    kind: o.kind,
    appealId: o.appealId ?? null,
    status: capped ? "capped" : "queued",
    createdAt: now,
    nextAttemptAt: now,
  });
  if (capped) {
    logger.warn({ phone: hashForLog(o.to), kind: o.kind, cap: SMS_DAILY_CAP }, "sms daily cap reached");
    return false;
  }
  await tx.execute(sql`select pg_notify(${SMS_QUEUED_CHANNEL}, '')`);
  return true;
}
