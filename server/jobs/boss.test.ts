import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withDatabase } from "@/db/embedded-server";
import { mailMessages, openDataSnapshots, smsMessages } from "@/db/schema";
import { almatyDate } from "@/server/deadlines/working-calendar";
import { useTestDatabase } from "@/test/database";
import { queueSms } from "../sms/queue-sms";
import { startJobs } from "./boss";
import { JOB_NAMES } from "./register-workers";

describe("the job runner on pg-boss", () => {
  const db = useTestDatabase();

  it("installs its schema, schedules every job and processes a job sent to it", async () => {
    const connectionString = withDatabase(process.env.DATABASE_URL ?? "", db().$client.options.database);
    // With the options the app itself starts it with (instrumentation.ts), apart from the test database.
    const jobs = await startJobs({ connectionString, db: db(), mailer: null, smpp: null });
    try {
      const schedules = await jobs.boss.getSchedules();
      expect(Object.fromEntries(schedules.map((s) => [s.name, s.cron]))).toEqual({
        "mark-overdue": "* * * * *",
        "refresh-metrics": "* * * * *",
        "count-came-back": "0 21 * * *",
        "remind-executors": "0 4 * * *",
        "send-mail": "* * * * *",
        "send-sms": "* * * * *",
        "open-data-snapshot": "30 19 * * *",
        "train-body-model": "0 22 * * *",
      });

      const [row] = await db()
        .insert(mailMessages)
        .values({ to: "queued@example.kz", subject: "Hello", text: "Body" })
        .returning();
      await jobs.boss.send(JOB_NAMES.sendMail, {});
      const deadline = Date.now() + 15_000;
      let status = row?.status;
      while (status !== "kept" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        status = (
          await db()
            .select()
            .from(mailMessages)
            .where(eq(mailMessages.id, row?.id ?? ""))
        )[0]?.status;
      }
      expect(status).toBe("kept");

      // An SMS committed wakes its job at once (NOTIFY), without waiting for the schedule.
      await db().transaction((tx) => queueSms(tx, { to: "+77015550099", text: "Сәлем", kind: "notice" }));
      const smsDeadline = Date.now() + 15_000;
      let sms = await db().select().from(smsMessages).where(eq(smsMessages.to, "+77015550099"));
      while (sms[0]?.status !== "kept" && Date.now() < smsDeadline) {
        await new Promise((r) => setTimeout(r, 200));
        sms = await db().select().from(smsMessages).where(eq(smsMessages.to, "+77015550099"));
      }
      expect(sms[0]?.status).toBe("kept");

      // The snapshot job runs once at start-up: the day's signed open-data snapshot is there.
      const today = almatyDate(new Date());
      const until = Date.now() + 15_000;
      let snapshots = await db().select().from(openDataSnapshots);
      while (snapshots.length === 0 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 200));
        snapshots = await db().select().from(openDataSnapshots);
      }
      expect(snapshots.map((s) => s.date)).toEqual([today]);
    } finally {
      await jobs.stop();
    }
  }, 30_000);
});
