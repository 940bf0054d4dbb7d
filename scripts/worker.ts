// `npm run worker`: the background jobs (overdue marking, reminders, mail, metrics) in a process of their
// own, so web processes can be started with BACKGROUND_JOBS=off and added or killed without touching
// them. Every job is idempotent and pg-boss keeps one running per name, so several workers are safe too.
import { startJobs } from "@/server/jobs/boss";
import { logger } from "@/server/observability/logger";

async function main() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    // The embedded server belongs to the `npm start` that launched it; a worker joins a real one.
    console.error("DATABASE_URL is not set: a worker joins the database its web processes use.");
    process.exit(1);
  }
  const runner = await startJobs({ connectionString });
  logger.info("background worker started");
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      // A job cut short expires and is retried elsewhere; a graceful stop lets the running ones finish.
      runner.stop().then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, "the background worker did not stop cleanly");
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error) => {
  logger.error({ err: error }, "the background worker did not start");
  process.exit(1);
});
