// Concurrent citizens filing appeals, and a moderator publishing the ones filed with consent, as real clients
// do: an answer that never came is retried with the same idempotency key once the server is back.
import { sleep } from "./app-server";
import { mutate, type Session } from "./http-client";
import { formOf, newSubmission, type Random, type Submission } from "./submissions";

/** Closed while the server is down; clients wait at it before each attempt. */
export class ServerGate {
  /** Counts kills: a failure within one epoch was not caused by a kill. */
  epoch = 0;
  /** A kill is under way: a request begun or failed meanwhile may have gone to the dying process. */
  killing = false;
  inFlight = 0;
  private opened: Promise<void> = Promise.resolve();
  private open: (() => void) | null = null;

  close() {
    this.epoch += 1;
    this.opened = new Promise((resolve) => {
      this.open = resolve;
    });
  }
  reopen() {
    this.open?.();
  }
  wait() {
    return this.opened;
  }
}

export type Citizen = { id: string; session: Session; hits: number };

// server/rate-limit/hit-rate-limit.ts: 20 filings an hour per citizen, retries included.
export const FILING_ALLOWANCE = 20;
const ANSWER_TIMEOUT_MS = 60_000;

export type LoadOptions = {
  base: string;
  gate: ServerGate;
  clients: number;
  citizens: Citizen[];
  bodyIds: readonly string[];
  moderator: Session;
  rnd: Random;
  /** Kills still to come: a citizen starts a new appeal only if its allowance covers a retry after each. */
  killsLeft: () => number;
};

export function submissionLoad(o: LoadOptions) {
  const submissions: Submission[] = [];
  const violations: string[] = [];
  const published = new Map<string, "acknowledged" | "on retry">();
  const toPublish: Submission[] = [];
  const pool = [...o.citizens];
  let stopping = false;
  let outOfCitizens = false;

  async function fileUntilAnswered(s: Submission, citizen: Citizen) {
    for (;;) {
      await o.gate.wait();
      const epoch = o.gate.epoch;
      const duringKill = o.gate.killing;
      s.attempts += 1;
      s.lastAttemptAt = new Date();
      citizen.hits += 1;
      o.gate.inFlight += 1;
      try {
        const answer = await mutate(o.base, citizen.session, "appeal.file", formOf(s), ANSWER_TIMEOUT_MS);
        if (answer.status === 200) {
          const ack = answer.data as { id?: unknown; number?: unknown };
          if (typeof ack.id !== "string" || typeof ack.number !== "string") {
            violations.push(`${s.key}: acknowledged without an id and a number: ${JSON.stringify(ack)}`);
          } else {
            s.ack = { id: ack.id, number: ack.number };
            s.refused = null;
          }
          return;
        }
        // Any answer but the acknowledgement is a failure here: a 500, a 429 (the allowance is budgeted
        // for), a 422 (the key was only ever sent with this body).
        s.refused = `HTTP ${answer.status} ${answer.error?.domainCode ?? answer.error?.code ?? ""}`;
        violations.push(`${s.key}: attempt ${s.attempts} answered ${s.refused}`);
        return;
      } catch (error) {
        s.failedAttempts += 1;
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
        // Refused connections never reached the server's rate limit.
        if (cause === "ECONNREFUSED") citizen.hits -= 1;
        if (cause === "TimeoutError" || (o.gate.epoch === epoch && !duringKill && !o.gate.killing)) {
          violations.push(
            `${s.key}: attempt ${s.attempts} failed with no kill to blame (${cause}) at ${new Date().toISOString()}, begun ${s.lastAttemptAt?.toISOString()}`,
          );
          await sleep(200);
        }
      } finally {
        o.gate.inFlight -= 1;
      }
    }
  }

  async function client(n: number) {
    let citizen: Citizen | undefined;
    for (let seq = 1; !stopping; seq++) {
      // This appeal, a retry after each kill to come, and one retry at the end.
      if (citizen && citizen.hits + 1 + o.killsLeft() + 1 > FILING_ALLOWANCE) citizen = undefined;
      citizen ??= pool.shift();
      if (!citizen) {
        outOfCitizens = true;
        return;
      }
      const s = newSubmission({
        citizenId: citizen.id,
        bodyIds: o.bodyIds,
        label: `${n}-${seq}`,
        rnd: o.rnd,
      });
      submissions.push(s);
      await fileUntilAnswered(s, citizen);
      if (s.ack && s.fields.publishConsent) toPublish.push(s);
    }
  }

  // Publishing writes the hash-chained moderation log and signs a checkpoint: kills land in those too.
  async function moderator() {
    while (!stopping || toPublish.length > 0) {
      const s = toPublish.shift();
      if (!s?.ack) {
        await sleep(50);
        continue;
      }
      for (let failed = false; ; ) {
        await o.gate.wait();
        const epoch = o.gate.epoch;
        const duringKill = o.gate.killing;
        o.gate.inFlight += 1;
        try {
          const input = { appealId: s.ack.id, decision: "publish" };
          const answer = await mutate(o.base, o.moderator, "moderation.decide", input, ANSWER_TIMEOUT_MS);
          if (answer.status === 200) published.set(s.ack.id, "acknowledged");
          // The killed attempt committed: the retry finds the appeal published already.
          else if (failed && answer.error?.domainCode === "BAD_TRANSITION")
            published.set(s.ack.id, "on retry");
          else violations.push(`publish ${s.ack.number}: answered HTTP ${answer.status}`);
          break;
        } catch (error) {
          failed = true;
          if (o.gate.epoch === epoch && !duringKill && !o.gate.killing) {
            violations.push(
              `publish ${s.ack.number}: failed with no kill to blame (${(error as Error).name}) at ${new Date().toISOString()}`,
            );
            await sleep(200);
          }
        } finally {
          o.gate.inFlight -= 1;
        }
      }
    }
  }

  let running: Promise<unknown> = Promise.resolve();
  return {
    submissions,
    violations,
    published,
    outOfCitizens: () => outOfCitizens,
    start() {
      running = Promise.all([...Array.from({ length: o.clients }, (_, i) => client(i + 1)), moderator()]);
    },
    /** No new appeals; resolves once every one begun has its answer. */
    async stop() {
      stopping = true;
      await running;
    },
  };
}
