import { timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals } from "@/db/schema";
import { hashAccessCode, normalizeAccessCode } from "../appeals/access-code";
import { isAwaitingAnswer } from "../appeals/lifecycle";
import { normalizeAppealNumber } from "../appeals/track-appeal";
import { hashForLog, logger } from "../observability/logger";
import { hitRateLimit } from "../rate-limit/hit-rate-limit";
import { verifiedApplicantPhone } from "./notify-by-sms";
import { normalizePhone } from "./phone";
import { queueSms } from "./queue-sms";
import { smsDate, smsTranslator } from "./sms-text";

// "ЖТ-2026-000123", "жт 2026 123", "JT-2026-000123", then perhaps the access code from the receipt.
const QUERY = /((?:[жЖ]\s*[тТ]|JT|ZHT)?\W*\d{4}\W+\d{1,10})(?:\W+([0-9A-Za-z][0-9A-Za-z\s-]*))?\s*$/i;

/**
 * Answers a text sent to the service's number with the status of the appeal it names. The status goes
 * only to the phone the applicant proved theirs (verifiedApplicantPhone), or to anyone who adds the access
 * code printed on the receipt, which opens /track as well. Otherwise the answer is the same whether the
 * appeal exists or not, so a text reveals nothing about appeals its sender may not follow. Each sender
 * has a few queries an hour (codes cannot be guessed by SMS), and the replies count towards the daily cap
 * of their number. Returns which answer went, for the log and the tests.
 */
export async function answerStatusQuery(
  db: Db,
  o: { from: string; text: string; now?: Date },
): Promise<"status" | "not_found" | "help" | "ignored"> {
  const now = o.now ?? new Date();
  const from = normalizePhone(o.from);
  // A sender from abroad, or a name: nowhere to answer within the cap's reach.
  if (!from) return "ignored";
  const limit = await hitRateLimit(db, "smsStatusQuery", from, now);
  if (!limit.allowed) {
    logger.warn({ phone: hashForLog(from) }, "sms status queries over the limit");
    return "ignored";
  }
  const match = o.text.trim().match(QUERY);
  const number = match?.[1] ? normalizeAppealNumber(match[1].replace(/^([жЖ])\s+/, "$1")) : null;
  if (!number) {
    const t = await smsTranslator(languageOf(o.text));
    await queueSms(db, { to: from, kind: "reply", text: t("reply.help"), now });
    return "help";
  }
  const [appeal] = await db.select().from(appeals).where(eq(appeals.number, number));
  const allowed = appeal && (await mayFollow(db, appeal, from, match?.[2] ?? null));
  if (!appeal || !allowed) {
    const t = await smsTranslator(languageOf(o.text));
    await queueSms(db, { to: from, kind: "reply", text: t("reply.notFound"), now });
    return "not_found";
  }
  const t = await smsTranslator(appeal.locale);
  const values = {
    number: appeal.number,
    status: t(`status.${appeal.status}`),
    dueAt: smsDate(appeal.dueAt, appeal.locale),
  };
  const text = !isAwaitingAnswer(appeal.status)
    ? t("reply.answered", { ...values, answeredAt: smsDate(appeal.answeredAt ?? now, appeal.locale) })
    : t(appeal.overdueAt ? "reply.overdue" : "reply.open", values);
  await queueSms(db, { to: from, kind: "reply", appealId: appeal.id, text, now });
  return "status";
}

async function mayFollow(db: Db, appeal: typeof appeals.$inferSelect, from: string, code: string | null) {
  if ((await verifiedApplicantPhone(db, appeal)) === from) return true;
  if (!code || !appeal.accessCodeHash) return false;
  const expected = Buffer.from(appeal.accessCodeHash, "hex");
  const given = Buffer.from(hashAccessCode(normalizeAccessCode(code)), "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

// Nothing says who wrote a text naming no appeal one may follow: Kazakh letters, else any Cyrillic, mean
// Kazakh or Russian; Latin letters, English. Kazakh by default.
function languageOf(text: string): string {
  if (/[әғқңөұүһі]/i.test(text)) return "kk";
  if (/[а-яё]/i.test(text.replace(/[жЖ]\s*[тТ]/g, ""))) return "ru";
  if (/^\s*(JT|ZHT)|[a-z]{3,}/i.test(text)) return "en";
  return "kk";
}
