import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { DomainError } from "../errors";

/**
 * Limits on what a person or a machine can repeat: guessing passwords, mass registration, flooding a
 * body with appeals, inflating support counts. Generous for people, tight for scripts.
 */
export const RATE_RULES = {
  signIn: { limit: 10, windowSeconds: 300 },
  register: { limit: 5, windowSeconds: 3600 },
  fileAppeal: { limit: 20, windowSeconds: 3600 },
  support: { limit: 60, windowSeconds: 3600 },
  trackAppeal: { limit: 30, windowSeconds: 600 },
  // Each request mails someone: per address and per e-mail, so neither a script nor a grudge floods a box.
  passwordReset: { limit: 5, windowSeconds: 3600 },
  // Following mailed links (confirm, reset): a person follows a few; tokens are 256 bits, unguessable anyway.
  accountLink: { limit: 20, windowSeconds: 600 },
  // Per Open311 API key: a partner's integration files in bulk, but one leaked key must not flood bodies.
  open311Filing: { limit: 120, windowSeconds: 3600 },
  // Per phone: each code is an SMS to that phone, and the codes of one verification are tried a few times.
  phoneCode: { limit: 5, windowSeconds: 3600 },
  // Per person asking for codes (a citizen, an operator): many citizens a day at a service centre.
  phoneCodeRequester: { limit: 60, windowSeconds: 3600 },
  // Per sender of a status query by SMS: each is answered by an SMS, and an access code must not be guessed.
  smsStatusQuery: { limit: 10, windowSeconds: 3600 },
} as const;
export type RateRuleName = keyof typeof RATE_RULES;

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED");
  }
}

function windowOf(rule: RateRuleName, now: Date) {
  const windowMs = RATE_RULES[rule].windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const retryAfterSeconds = Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000));
  return { start, retryAfterSeconds };
}

/**
 * Subjects are logins and addresses: the table keeps a keyed hash of them, never the e-mail itself. The
 * key is the deployment's session secret, so that every app process counts under the same key.
 */
function keyOf(rule: RateRuleName, subject: string): string {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET ?? "tyndau-rate-limits";
  return `${rule}:${createHmac("sha256", secret).update(subject).digest("base64url")}`;
}

/** Whether `subject` is still under `rule` without counting anything (for limits on failures only). */
export async function peekRateLimit(db: Db, rule: RateRuleName, subject: string, now = new Date()) {
  const { start, retryAfterSeconds } = windowOf(rule, now);
  const rows = await db.execute<{ hits: number }>(
    sql`select hits from rate_limits where key = ${keyOf(rule, subject)} and window_start = ${start.toISOString()}`,
  );
  return { allowed: (rows[0]?.hits ?? 0) < RATE_RULES[rule].limit, retryAfterSeconds };
}

/** Counts one attempt by `subject` under `rule`; refuses with the seconds until the window reopens. */
export async function hitRateLimit(db: Db, rule: RateRuleName, subject: string, now = new Date()) {
  const { start, retryAfterSeconds } = windowOf(rule, now);
  const rows = await db.execute<{ hits: number }>(sql`
    insert into rate_limits (key, window_start, hits) values (${keyOf(rule, subject)}, ${start.toISOString()}, 1)
    on conflict (key, window_start) do update set hits = rate_limits.hits + 1
    returning hits`);
  // Old windows are swept now and then by whoever passes, so the table stays small without a job; "old" by
  // the same clock as the window, or a sweep could empty the window being counted.
  if (Math.random() < 0.01)
    await db.execute(
      sql`delete from rate_limits where window_start < ${now.toISOString()}::timestamptz - interval '1 day'`,
    );
  return { allowed: (rows[0]?.hits ?? 0) <= RATE_RULES[rule].limit, retryAfterSeconds };
}

/**
 * Refuses once `subject` is over the rule. A subject of "direct" (no forwarded client address: local use,
 * or a deployment without the reverse proxy the README asks for) is not limited by address.
 */
export async function enforceRateLimit(db: Db, rule: RateRuleName, subject: string) {
  if (subject === "direct") return;
  const result = await hitRateLimit(db, rule, subject);
  if (!result.allowed) throw new RateLimitedError(result.retryAfterSeconds);
}
