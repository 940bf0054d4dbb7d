import { AsyncLocalStorage } from "node:async_hooks";
import { createHmac, randomBytes } from "node:crypto";
import pino, { type DestinationStream, type Level, type Logger } from "pino";
import { safeError } from "./safe-error";

/**
 * Keys under which personal data could reach a log line: the redaction is the net under the rule that
 * log calls name ids only (users, appeals, bodies), never names, contacts, texts or what a form sent.
 */
const PERSONAL_KEYS = [
  "password",
  "passwordHash",
  "email",
  "login",
  "fullName",
  "phone",
  "address",
  "iin",
  "subject",
  "text",
  "applicantName",
  "applicantEmail",
  "applicantPhone",
  "applicantAddress",
  "locationText",
  "publicSubject",
  "publicText",
  "statement",
  "accessCode",
  "input",
  "to",
  "cookie",
  "authorization",
];
const REDACT_PATHS = [
  ...PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`]),
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

// Tests point this elsewhere to read what would have been logged; the app always writes to stdout.
let destination: DestinationStream = pino.destination({ dest: 1, sync: true });

/** One JSON object per line on stdout, for whatever collects the container's output. */
export const logger: Logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
    base: { service: "tyndau", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: safeError },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  },
  { write: (line: string) => destination.write(line) },
);

/** For tests: sends log lines to `to` at `level` until the returned function is called. */
export function sendLogsTo(to: DestinationStream, level: Level = "debug"): () => void {
  const previous = { destination, level: logger.level };
  destination = to;
  logger.level = level;
  return () => {
    destination = previous.destination;
    logger.level = previous.level;
  };
}

const requestIds = new AsyncLocalStorage<string>();

/** Runs `work` as part of the request `requestId`: whatever it logs through `requestLog()` names it. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return requestIds.run(requestId, work);
}

export function currentRequestId(): string | undefined {
  return requestIds.getStore();
}

/** The logger of the current request (its lines carry the request id), or the process's logger. */
export function requestLog(): Logger {
  const requestId = currentRequestId();
  return requestId ? logger.child({ requestId }) : logger;
}

let hashKey: string | undefined;

/**
 * A keyed hash of an identifier that must not be logged in clear (a login, an address): the same value
 * gives the same hash, so repeated attempts can be followed, but without the key it cannot be reversed by
 * hashing guesses. Keyed with the session secret; without one, with a key of this process only.
 */
export function hashForLog(value: string): string {
  hashKey ??=
    process.env.LOG_HASH_KEY ??
    process.env.AUTH_SECRET ??
    process.env.NEXTAUTH_SECRET ??
    randomBytes(32).toString("hex");
  return createHmac("sha256", hashKey).update(value.trim().toLowerCase()).digest("hex").slice(0, 16);
}
