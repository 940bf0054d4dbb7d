import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { requestLog } from "../observability/logger";
import { RateLimitedError } from "../rate-limit/hit-rate-limit";
import { appRouter } from "../routers/_app";
import { type Context, wasReported } from "../trpc";

/** A page batches a handful of queries (the client splits at the same size); hundreds is someone probing. */
export const MAX_BATCH_SIZE = 50;
const LOGGED_PATH_MAX = 200;

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
