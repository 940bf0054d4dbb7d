import type PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import { trainBodyModel } from "../body-suggestion/train-body-model";
import { CAME_BACK_COUNT_HOUR_UTC, countCameBackIfDue } from "../metrics/count-came-back";
import { refreshMetrics } from "../metrics/refresh-metrics";
import { loadSigningKey } from "../moderation/log-signing-key";
import { logger } from "../observability/logger";
import { writeSnapshot } from "../open-data/write-snapshot";
import { SmsLeftQueuedError, sendQueuedSms } from "../sms/send-queued-sms";
import type { SmsSender } from "../sms/smpp-gateway";
import { jobFailure } from "./job-failure";
import { markOverdueAppeals } from "./mark-overdue";
import { remindExecutors } from "./remind-executors";
import { type Mailer, sendQueuedMail } from "./send-mail";

export const JOB_NAMES = {
  markOverdue: "mark-overdue",
  refreshMetrics: "refresh-metrics",
  countCameBack: "count-came-back",
  remindExecutors: "remind-executors",
  sendMail: "send-mail",
  sendSms: "send-sms",
  openDataSnapshot: "open-data-snapshot",
  trainBodyModel: "train-body-model",
} as const;

type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

/**
 * When each job runs. pg-boss checks its crons about every 30 seconds, so an appeal is marked overdue
 * within a minute of its deadline. The reminders run at 09:00 Almaty time, written as 04:00 UTC: Almaty
 * is UTC+5 all year, and a fixed hour does not depend on the server's time-zone database (see
 * working-calendar.ts).
 */
const SCHEDULES: Record<JobName, string> = {
  "mark-overdue": "* * * * *",
  // The dashboards' summary tables: within a minute of any event (docs/metrics.md).
  "refresh-metrics": "* * * * *",
  // "Came back within 180 days", counted whole at 02:00 Almaty (21:00 UTC): count-came-back.ts says why.
  "count-came-back": `0 ${CAME_BACK_COUNT_HOUR_UTC} * * *`,
  "remind-executors": "0 4 * * *",
  "send-mail": "* * * * *",
  // Also run whenever an SMS is queued (server/jobs/boss.ts); the schedule picks up retries that fell due.
  "send-sms": "* * * * *",
  // The day's open-data snapshot at 00:30 Almaty (19:30 UTC the day before), once the day has begun;
  // also run at start-up, so a day the app was down at 00:30 still gets its snapshot (docs/open-data.md).
  "open-data-snapshot": "30 19 * * *",
  // The body-suggestion model learns the day's registrations and forwards at 03:00 Almaty (22:00 UTC).
  "train-body-model": "0 22 * * *",
};

/**
 * Creates the queues, attaches this process's workers, schedules the crons, and runs every job once now,
 * to catch up with whatever fell due while the app was down. "stately" queues keep at most one job
 * waiting and one running per name, so crons from several processes do not pile up; the jobs themselves
 * are idempotent, so a rerun after a crash does no harm.
 */
export async function registerWorkers(
  boss: PgBoss,
  o: { db: Database; mailer: Mailer | null; sms: SmsSender | null },
) {
  const handlers: Record<JobName, () => Promise<number>> = {
    "mark-overdue": () => markOverdueAppeals(o.db, new Date()),
    "refresh-metrics": () => refreshMetrics(o.db, new Date()),
    "count-came-back": () => countCameBackIfDue(o.db, new Date()),
    "remind-executors": () => remindExecutors(o.db, new Date()),
    "send-mail": () => sendQueuedMail(o.db, new Date(), o.mailer),
    "send-sms": () => sendQueuedSms(o.db, new Date(), o.sms),
    "open-data-snapshot": async () =>
      (await writeSnapshot(o.db, { key: loadSigningKey(), now: new Date() })).written ? 1 : 0,
    "train-body-model": () => trainBodyModel(o.db, { now: new Date() }),
  };
  for (const [name, run] of Object.entries(handlers) as [JobName, () => Promise<number>][]) {
    await ensureQueue(boss, name);
    await boss.work(name, { pollingIntervalSeconds: 2 }, async ([job]) => {
      const log = logger.child({ job: name, jobId: job?.id ?? null });
      const started = performance.now();
      try {
        const handled = await run();
        log.debug({ handled, durationMs: Math.round(performance.now() - started) }, "job done");
      } catch (error) {
        // pg-boss retries it (retryLimit below); each failed attempt is in the log. SMS left for a retry
        // are an SMSC's outage, not the job's fault: each was logged as it failed.
        const level = error instanceof SmsLeftQueuedError ? "warn" : "error";
        log[level]({ err: error, durationMs: Math.round(performance.now() - started) }, "job failed");
        throw jobFailure(error);
      }
    });
    await boss.schedule(name, SCHEDULES[name]);
    await boss.send(name, {});
  }
}

async function ensureQueue(boss: PgBoss, name: JobName) {
  if (await boss.getQueue(name)) return;
  try {
    await boss.createQueue(name, {
      name,
      policy: "stately",
      retryLimit: 3,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 300,
    });
  } catch (error) {
    // Another process created it between the check and here.
    if (!(await boss.getQueue(name))) throw error;
  }
}
