import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { phoneVerifications, users } from "@/db/schema";
import { DomainError } from "../errors";
import { hitRateLimit, RateLimitedError } from "../rate-limit/hit-rate-limit";
import { queueSms } from "./queue-sms";
import { smsTranslator } from "./sms-text";

/** A code is good for ten minutes and five tries: a million codes, so five guesses win once in 200 000. */
export const PHONE_CODE_TTL_MS = 10 * 60_000;
export const PHONE_CODE_ATTEMPTS = 5;

// Keyed with the deployment's secret: six digits hashed plainly would be read back by trying all of them.
function hashCode(verificationId: string, code: string): string {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET ?? "tyndau-phone-codes";
  return createHmac("sha256", secret).update(`${verificationId}:${code.trim()}`).digest("hex");
}

/**
 * Sends a six-digit code to `phone` by SMS, in `locale`, for the person asking (a citizen for their own
 * account, an operator for the citizen at the desk) to type back. Limited per phone and per person asking,
 * in PostgreSQL (server/rate-limit). Returns the verification's id, which the confirmation names.
 */
export async function sendPhoneCode(
  db: Db,
  o: { phone: string; requestedById: string; locale: string; now?: Date },
): Promise<{ verificationId: string }> {
  const now = o.now ?? new Date();
  for (const [rule, subject] of [
    ["phoneCode", o.phone],
    ["phoneCodeRequester", o.requestedById],
  ] as const) {
    const limit = await hitRateLimit(db, rule, subject, now);
    if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds);
  }
  const code = String(randomInt(1_000_000)).padStart(6, "0");
  const t = await smsTranslator(o.locale);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(phoneVerifications)
      .values({
        phone: o.phone,
        codeHash: "",
        requestedById: o.requestedById,
        expiresAt: new Date(now.getTime() + PHONE_CODE_TTL_MS),
        createdAt: now,
      })
      .returning({ id: phoneVerifications.id });
    if (!row) throw new Error("phone verification not stored");
    await tx
      .update(phoneVerifications)
      .set({ codeHash: hashCode(row.id, code) })
      .where(eq(phoneVerifications.id, row.id));
    await queueSms(tx, { to: o.phone, kind: "code", text: t("code", { code }), now });
    return { verificationId: row.id };
  });
}

/**
 * Checks a code typed back, and returns the phone it proves. The verification must be the asker's own,
 * for this phone, unexpired and not out of tries; a wrong code uses a try. A verification already proved
 * passes again with its code (a filing retried after a lost response), until it expires.
 */
export async function confirmPhoneCode(
  db: Db,
  o: { verificationId: string; requestedById: string; phone: string; code: string; now?: Date },
): Promise<string> {
  const now = o.now ?? new Date();
  const [v] = await db
    .select()
    .from(phoneVerifications)
    .where(
      and(
        eq(phoneVerifications.id, o.verificationId),
        eq(phoneVerifications.requestedById, o.requestedById),
        eq(phoneVerifications.phone, o.phone),
        gt(phoneVerifications.expiresAt, now),
      ),
    );
  if (!v || v.attempts >= PHONE_CODE_ATTEMPTS) throw new DomainError("BAD_CODE");
  const expected = Buffer.from(v.codeHash, "hex");
  const given = Buffer.from(hashCode(v.id, o.code), "hex");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    await db
      .update(phoneVerifications)
      .set({ attempts: v.attempts + 1 })
      .where(eq(phoneVerifications.id, v.id));
    throw new DomainError("BAD_CODE");
  }
  if (!v.verifiedAt) {
    await db.update(phoneVerifications).set({ verifiedAt: now }).where(eq(phoneVerifications.id, v.id));
  }
  return v.phone;
}

/** A citizen's own phone, proved by a code: from now on their SMS notices go there. */
export async function setAccountPhone(
  db: Db,
  o: { userId: string; verificationId: string; phone: string; code: string; now?: Date },
) {
  const now = o.now ?? new Date();
  const phone = await confirmPhoneCode(db, { ...o, requestedById: o.userId, now });
  await db.update(users).set({ phone, phoneVerifiedAt: now }).where(eq(users.id, o.userId));
  return { phone };
}

/** Stops SMS to a citizen's account: the number is forgotten, not only unverified. */
export async function removeAccountPhone(db: Db, o: { userId: string }) {
  await db.update(users).set({ phone: null, phoneVerifiedAt: null }).where(eq(users.id, o.userId));
}
