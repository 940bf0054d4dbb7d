import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { UPLOAD_SCHEMAS } from "../appeals/upload-input";
import { requestLog } from "../observability/logger";
import { RateLimitedError } from "../rate-limit/hit-rate-limit";
import { appRouter } from "../routers/_app";
import { type Context, wasReported } from "../trpc";
import { BODY_LIMITS } from "./body-limit";

/** A page batches a handful of queries (the client splits at the same size); hundreds is someone probing. */
export const MAX_BATCH_SIZE = 50;
const LOGGED_PATH_MAX = 200;

/** The procedures whose input is a form with files (server/appeals/upload-input.ts), found from the router. */
export const UPLOAD_PROCEDURES: ReadonlySet<string> = new Set(
  Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>)
    .filter(([, procedure]) => procedure._def.inputs.some((i) => UPLOAD_SCHEMAS.has(i as object)))
    .map(([path]) => path),
);

/**
 * A filing's files may make a multipart call to an upload procedure as large as its files' declared
 * limits; every other call, signed in or not, is JSON of at most 1 MB. Passed to handleRoute, which reads
 * the body within it before tRPC (which would read any body whole) sees it.
 */
export function trpcBodyLimit(req: Request): number {
  const multipart = req.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data");
  const path = decodeURIComponent(new URL(req.url).pathname.replace(/^\/api\/trpc\/?/, ""));
  return multipart && UPLOAD_PROCEDURES.has(path) ? BODY_LIMITS.upload : BODY_LIMITS.json;
}

/**
 * Answers one HTTP request to /api/trpc. Whatever is wrong with the request itself (not JSON, a wrong
 * method, no such procedure, an oversized batch) answers 4xx; only a fault of ours answers 500, and then
 * with the generic body of server/trpc.ts.
 */
export function answerTrpcRequest(req: Request, createContext: () => Promise<Context>): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext,
    maxBatchSize: MAX_BATCH_SIZE,
    responseMeta({ errors }) {
      const limited = errors.map((e) => e.cause).find((c) => c instanceof RateLimitedError);
      return limited ? { headers: new Headers({ "Retry-After": String(limited.retryAfterSeconds) }) } : {};
    },
    // Calls that reached a procedure are logged by server/trpc.ts; this logs the requests that did not.
    onError({ error, path, type }) {
      if (wasReported(error)) return;
      const procedure = path?.slice(0, LOGGED_PATH_MAX) ?? null;
      if (error.code === "INTERNAL_SERVER_ERROR")
        requestLog().error({ procedure, type, outcome: error.code, err: error }, "request failed");
      else requestLog().info({ procedure, type, outcome: error.code }, "request refused");
    },
  });
}
