import { initTRPC, TRPCError } from "@trpc/server";
import type { Logger } from "pino";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import type { UserRole } from "@/db/schema";
import type { SessionUser } from "./auth/sessions";
import { DOMAIN_ERROR_CODES, DomainError } from "./errors";
import { currentRequestId, hashForLog, logger } from "./observability/logger";
import { enforceRateLimit, RateLimitedError, type RateRuleName } from "./rate-limit/hit-rate-limit";
import { fieldErrorsOf } from "./validation";

export type Context = {
  db: Db;
  /**
   * Public reads that may lag: a replica's pool when DATABASE_READ_URL is set (db/client.ts). Absent, or
   * for a signed-in caller through readerDb below, reads go to `db`.
   */
  readDb?: Db;
  user: SessionUser | null;
  /** The caller's address, for rate limits on anonymous actions; absent for in-process callers. */
  clientIp?: string;
  /** The id of the HTTP request or page render this call belongs to (server/observability/request-id.ts). */
  requestId?: string;
  /** This call's logger, set by the logging middleware below: its lines carry the request id. */
  log?: Logger;
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Only codes leave the server: the UI translates them. An unexpected failure answers one fixed message
  // whatever NODE_ENV says: no stack, no SQL, no constraint name; its request id lets support find the log.
  errorFormatter({ shape, error, ctx }) {
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    const domainCode = error.cause instanceof DomainError ? error.cause.code : null;
    return {
      code: shape.code,
      message: internal ? "Internal error" : (domainCode ?? shape.message),
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        domainCode: internal ? "INTERNAL" : domainCode,
        fieldErrors: error.cause instanceof ZodError ? fieldErrorsOf(error.cause) : null,
        requestId: ctx?.requestId ?? currentRequestId() ?? null,
      },
    };
  },
});

/** Names the check that refused a call, for the log; the client sees only the code. */
class AccessDenied extends Error {
  constructor(readonly rule: string) {
    super(rule);
    this.name = "AccessDenied";
  }
}

const deny = (code: "UNAUTHORIZED" | "FORBIDDEN", rule: string) =>
  new TRPCError({ code, message: code, cause: new AccessDenied(rule) });

const DENIALS = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]);
// Errors whose call line is already written, so that the HTTP handler does not log them twice.
const reported = new WeakSet<Error>();

export const wasReported = (error: Error) => reported.has(error);

/**
 * One line per call (OWASP ASVS 5.0 V16.2, V16.3): who by id and role, which procedure, the outcome and
 * how long it took. Every authorization decision is in it (level 3 of V16.3.2): a granted call at info, a
 * denial at warn with the rule that denied it. An unexpected failure is logged at error with its stack
 * and travels on as a bare "Internal error": its message may hold SQL and the values of a failed query,
 * which must reach neither the client nor another log (Next.js prints what a page throws).
 */
const loggedProcedure = t.procedure.use(async ({ ctx, path, type, next }) => {
  const requestId = ctx.requestId ?? currentRequestId() ?? crypto.randomUUID();
  const log = logger.child({ requestId });
  const started = performance.now();
  const result = await next({ ctx: { requestId, log } });
  const line = {
    procedure: path,
    type,
    userId: ctx.user?.id ?? null,
    role: ctx.user?.role ?? "anonymous",
    durationMs: Math.round(performance.now() - started),
  };
  if (result.ok) {
    log.info({ ...line, outcome: "ok", access: "granted" }, "call");
    return result;
  }
  const { error } = result;
  const cause = error.cause;
  if (error.code === "INTERNAL_SERVER_ERROR") {
    log.error({ ...line, outcome: error.code, err: error }, "call failed");
    const generic = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Internal error" });
    reported.add(generic);
    throw generic;
  }
  reported.add(error);
  if (DENIALS.has(error.code)) {
    const rule =
      cause instanceof AccessDenied ? cause.rule : cause instanceof DomainError ? cause.rule : undefined;
    // Without a named rule, the refusal came from the procedure's own domain function.
    log.warn(
      { ...line, outcome: error.code, access: "denied", rule: rule ?? "domain-check" },
      "access denied",
    );
  } else {
    log.info(
      { ...line, outcome: error.code, domainCode: cause instanceof DomainError ? cause.code : null },
      "call",
    );
  }
  return result;
});

/**
 * The handle a public read path uses: the replica for anyone not signed in, the primary for a signed-in
 * caller, who must see at once what they have just done (filed, supported, answered).
 */
export const readerDb = (ctx: Pick<Context, "db" | "readDb" | "user">): Db =>
  ctx.user ? ctx.db : (ctx.readDb ?? ctx.db);

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = loggedProcedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: DOMAIN_ERROR_CODES[cause.code], message: cause.code, cause });
  }
  return result;
});

/** Counts a call against a rate rule (PostgreSQL-backed: it holds across app processes); refuses past it. */
export async function limitRate(ctx: Context, rule: RateRuleName, subject: string) {
  try {
    await enforceRateLimit(ctx.db, rule, subject);
  } catch (error) {
    // The subject is an address or a user id: hashed, it still shows one source hammering.
    if (error instanceof RateLimitedError)
      (ctx.log ?? logger).warn(
        {
          event: "rate-limit",
          rule,
          subjectHash: hashForLog(subject),
          retryAfterSeconds: error.retryAfterSeconds,
        },
        "rate limit refused",
      );
    throw error;
  }
}

/** Counts every call against a rate rule before it runs (after .input(), the subject may be of the input). */
export const rateLimited = (rule: RateRuleName, subjectOf: (ctx: Context, input: unknown) => string) =>
  t.middleware(async ({ ctx, input, next }) => {
    await limitRate(ctx, rule, subjectOf(ctx, input));
    return next();
  });

export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw deny("UNAUTHORIZED", "signed-in");
  return next({ ctx: { ...ctx, user: ctx.user } });
});

function roleProcedure(...roles: UserRole[]) {
  return signedInProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) throw deny("FORBIDDEN", `role:${roles.join("|")}`);
    return next();
  });
}

export const citizenProcedure = roleProcedure("citizen");
/**
 * A citizen whose e-mail is confirmed: only they file and support, so that one person cannot make a pile
 * of accounts with made-up addresses to flood bodies or inflate "me too" counts.
 */
export const verifiedCitizenProcedure = citizenProcedure.use(({ ctx, next }) => {
  if (!ctx.user.emailVerified) throw new DomainError("EMAIL_NOT_VERIFIED", "verified-email");
  return next();
});
export const operatorProcedure = roleProcedure("operator");
export const moderatorProcedure = roleProcedure("moderator");
export const auditorProcedure = roleProcedure("auditor");
export const adminProcedure = roleProcedure("admin");
export const officialProcedure = roleProcedure("official").use(({ ctx, next }) => {
  if (!ctx.user.bodyId) throw deny("FORBIDDEN", "official-of-a-body");
  return next({ ctx: { ...ctx, bodyId: ctx.user.bodyId } });
});
