import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import type { UserRole } from "@/db/schema";
import type { SessionUser } from "./auth/sessions";
import { DOMAIN_ERROR_CODES, DomainError } from "./errors";
import { enforceRateLimit, type RateRuleName } from "./rate-limit/hit-rate-limit";
import { fieldErrorsOf } from "./validation";

export type Context = {
  db: Db;
  user: SessionUser | null;
  /** The caller's address, for rate limits on anonymous actions; absent for in-process callers. */
  clientIp?: string;
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Only codes leave the server: the UI translates them; stacks and internal messages never go out.
  errorFormatter({ shape, error }) {
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      code: shape.code,
      message: internal ? "INTERNAL" : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        domainCode: error.cause instanceof DomainError ? error.cause.code : null,
        fieldErrors: error.cause instanceof ZodError ? fieldErrorsOf(error.cause) : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: DOMAIN_ERROR_CODES[cause.code], message: cause.code, cause });
  }
  return result;
});

/** Counts a call against a rate rule before it runs (PostgreSQL-backed: it holds across app processes). */
export const rateLimited = (rule: RateRuleName, subjectOf: (ctx: Context) => string) =>
  t.middleware(async ({ ctx, next }) => {
    await enforceRateLimit(ctx.db, rule, subjectOf(ctx));
    return next();
  });

export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

function roleProcedure(...roles: UserRole[]) {
  return signedInProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) throw new TRPCError({ code: "FORBIDDEN" });
    return next();
  });
}

export const citizenProcedure = roleProcedure("citizen");
export const operatorProcedure = roleProcedure("operator");
export const moderatorProcedure = roleProcedure("moderator");
export const auditorProcedure = roleProcedure("auditor");
export const adminProcedure = roleProcedure("admin");
export const officialProcedure = roleProcedure("official").use(({ ctx, next }) => {
  if (!ctx.user.bodyId) throw new TRPCError({ code: "FORBIDDEN" });
  return next({ ctx: { ...ctx, bodyId: ctx.user.bodyId } });
});
