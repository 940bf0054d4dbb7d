import type { Db } from "@/db/client";
import { hitRateLimit, peekRateLimit } from "../rate-limit/hit-rate-limit";
import { startSession } from "./sessions";

export type SignInAttempt = { email: string; password: string; address: string };

export type SignInOutcome =
  | {
      outcome: "signed-in";
      sessionId: string;
      user: NonNullable<Awaited<ReturnType<typeof startSession>>>["user"];
    }
  | { outcome: "refused" }
  | { outcome: "locked"; retryAfterSeconds: number };

/**
 * The two things a guesser cannot change between attempts without being noticed: the account guessed at
 * (its e-mail as the session lookup normalizes it) and the address guessed from (as scripts/serve.ts
 * resolved it from the socket, never as the client claims it).
 */
export function signInSubjects(o: { email: string; address: string }): string[] {
  return [`email:${o.email.trim().toLowerCase()}`, `ip:${o.address}`];
}

/** Whether either subject has used up its failures; the seconds until the first one reopens. */
export async function signInLock(db: Db, o: { email: string; address: string }) {
  for (const subject of signInSubjects(o)) {
    const { allowed, retryAfterSeconds } = await peekRateLimit(db, "signIn", subject);
    if (!allowed) return { locked: true as const, retryAfterSeconds };
  }
  return { locked: false as const, retryAfterSeconds: 0 };
}

/**
 * Signs in unless the account or the address is locked: while it is, even the right password is refused,
 * or guessing would only need to wait for the one right answer to get through. Only failures count, so
 * people who sign in often are never locked out; they count here, on the very e-mail the password was
 * checked against, so no shape of request can count one account and try another.
 */
export async function signIn(db: Db, o: SignInAttempt): Promise<SignInOutcome> {
  const lock = await signInLock(db, o);
  if (lock.locked) return { outcome: "locked", retryAfterSeconds: lock.retryAfterSeconds };
  const started = await startSession(db, o);
  if (started) return { outcome: "signed-in", ...started };
  for (const subject of signInSubjects(o)) await hitRateLimit(db, "signIn", subject);
  return { outcome: "refused" };
}
