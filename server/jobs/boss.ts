import PgBoss from "pg-boss";
import { createDatabase, type Database } from "@/db/client";
import { logger } from "../observability/logger";
import { answerStatusQuery } from "../sms/answer-status-query";
import { SMS_QUEUED_CHANNEL } from "../sms/queue-sms";
import { recordReceipt } from "../sms/record-receipt";
import { type SmppConfig, SmppGateway, smppConfigFromEnvironment } from "../sms/smpp-gateway";
import { JOB_NAMES, registerWorkers } from "./register-workers";
import { type Mailer, mailerFromEnvironment } from "./send-mail";

export type JobRunner = { boss: PgBoss; stop: () => Promise<void> };

/**
 * pg-boss on the app's own PostgreSQL, in a schema of its own ("pgboss", created and migrated by pg-boss
 * on start). Jobs, schedules and their state are rows there, so they survive a restart; several app
 * processes may run it side by side.
 */
export function createBoss(connectionString: string): PgBoss {
  const boss = new PgBoss({ connectionString, schema: "pgboss", max: 3 });
  // An unhandled "error" event would end the process; a failed poll is retried on the next one.
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  return boss;
}

/**
 * Starts the queue and the workers of this process. `db`, `mailer` and `smpp` default to a small pool of
 * the app's database, to SMTP_URL and to SMPP_URL; tests pass their own.
 */
export async function startJobs(o: {
  connectionString: string;
  db?: Database;
  mailer?: Mailer | null;
  smpp?: SmppConfig | null;
}): Promise<JobRunner> {
  const boss = createBoss(o.connectionString);
  const db = o.db ?? createDatabase(o.connectionString, { max: 3 });
  const closeDb = async () => {
    if (!o.db) await db.$client.end();
  };
  // The SMS job runs as soon as an SMS is committed or the SMSC is bound again, not only on its schedule.
  const wakeSms = () => {
    boss.send(JOB_NAMES.sendSms, {}).catch((error) => logger.warn({ err: error }, "sms job not queued"));
  };
  const smpp = o.smpp === undefined ? smppConfigFromEnvironment() : o.smpp;
  const gateway = smpp
    ? new SmppGateway(smpp, {
        onReceipt: (receipt) => recordReceipt(db, receipt),
        onInbound: async (sms) => {
          await answerStatusQuery(db, sms);
        },
        onBound: wakeSms,
      })
    : null;
  let unlisten: (() => Promise<void>) | null = null;
  try {
    await boss.start();
    await registerWorkers(boss, {
      db,
      mailer: o.mailer === undefined ? mailerFromEnvironment() : o.mailer,
      sms: gateway,
    });
    unlisten = (await db.$client.listen(SMS_QUEUED_CHANNEL, wakeSms)).unlisten;
    gateway?.start();
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    await closeDb();
    throw error;
  }
  return {
    boss,
    async stop() {
      await unlisten?.();
      // A job cut short is not lost: it expires and pg-boss retries it, and every job here is idempotent.
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await gateway?.stop();
      await closeDb();
    },
  };
}
