/**
 * Next calls this once when a server starts: the background jobs (overdue marking, executor reminders,
 * mail) start with the app, on its own PostgreSQL. Not while `next build` prerenders pages, which must
 * not need a database, and not without one configured. No shutdown hook: Next exits on a signal at once,
 * and a job cut short is retried after it expires (every job is idempotent).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const url = process.env.DATABASE_URL;
    if (!url || process.env.NEXT_PHASE === "phase-production-build") return;
    const { startJobs } = await import("./server/jobs/boss");
    try {
      await startJobs({ connectionString: url });
      console.log("[jobs] background worker started");
    } catch (error) {
      // The site still serves; jobs left in the queue run once a worker starts.
      console.error("[jobs] the background worker did not start:", error);
    }
  }
}
