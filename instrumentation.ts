import type { Instrumentation } from "next";

/**
 * Next calls this once when a server starts: the background jobs (overdue marking, executor reminders,
 * mail) start with the app, on its own PostgreSQL. Not while `next build` prerenders pages, which must
 * not need a database, and not without one configured. No shutdown hook: Next exits on a signal at once,
 * and a job cut short is retried after it expires (every job is idempotent). BACKGROUND_JOBS=off makes a
 * web process only: the jobs then run in `npm run worker` (scripts/worker.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const url = process.env.DATABASE_URL;
    if (!url || process.env.NEXT_PHASE === "phase-production-build") return;
    if (process.env.BACKGROUND_JOBS === "off") return;
    const { startJobs } = await import("./server/jobs/boss");
    const { logger } = await import("./server/observability/logger");
    try {
      await startJobs({ connectionString: url });
      logger.info("background worker started");
    } catch (error) {
      // The site still serves; jobs left in the queue run once a worker starts.
      logger.error({ err: error }, "the background worker did not start");
    }
  }
}

/**
 * Next calls this for an error a page or route threw. The line names the request id proxy.ts gave the
 * page and the digest the error page shows (app/[locale]/error.tsx), so a code a citizen quotes leads
 * to it; the route's pattern stands for its address, whose query may hold what a person typed.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./server/observability/logger");
  const { isRequestId } = await import("./server/observability/request-id");
  const id = request.headers["x-request-id"];
  logger.error(
    {
      requestId: isRequestId(id) ? id : null,
      digest: (error as { digest?: unknown })?.digest ?? null,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    "request failed",
  );
};
