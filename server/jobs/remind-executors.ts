import { and, eq, gt, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { appealEvents, appeals, users } from "@/db/schema";
import { type Appeal, recordEvent } from "../appeals/lifecycle";
import { reminderDate } from "../deadlines/deadline-policy";
import { loadWorkingCalendar } from "../deadlines/load-calendar";
import { almatyDate } from "../deadlines/working-calendar";
import { formatAlmatyTime, notify } from "../notifications/notify";

const WORKING_DAYS_BEFORE = 3;
// Three working days never span more than this many calendar days, even over the New Year and Nauryz
// holidays: a cheap SQL bound before the calendar decides.
const LOOKAHEAD_DAYS = 21;

/**
 * Reminds each assigned executor 3 working days before the deadline, so that the term can still be met.
 * Once per executor and deadline: the "executor_reminded" event records it, so a re-run, a second
 * process or a restart does not remind twice, while a new deadline (an extension) or a new executor does
 * get its own reminder. A run later than the reminder day (the app was down) still reminds, until the
 * deadline passes. Returns how many executors were reminded.
 */
export async function remindExecutors(db: Database, now: Date): Promise<number> {
  const cal = await loadWorkingCalendar(db);
  const today = almatyDate(now);
  const candidates = await db
    .select({ id: appeals.id, dueAt: appeals.dueAt })
    .from(appeals)
    .where(
      and(
        sql`${appeals.status} not in ('answered', 'closed')`,
        gt(appeals.dueAt, now),
        lt(appeals.dueAt, new Date(now.getTime() + LOOKAHEAD_DAYS * 86_400_000)),
        isNotNull(appeals.executorId),
        isNull(appeals.pausedAt),
      ),
    );
  let reminded = 0;
  let failure: unknown = null;
  for (const c of candidates) {
    if (reminderDate(c.dueAt, cal, WORKING_DAYS_BEFORE) > today) continue;
    try {
      if (await db.transaction((tx) => remindOne(tx, c.id, now))) reminded++;
    } catch (error) {
      failure = error;
    }
  }
  // One failing appeal does not hold back the others' reminders; the job is still recorded as failed.
  if (failure) throw failure;
  return reminded;
}

async function remindOne(tx: Db, appealId: string, now: Date): Promise<boolean> {
  const [appeal] = await tx
    .select()
    .from(appeals)
    .where(eq(appeals.id, appealId))
    .for("update", { skipLocked: true });
  if (!appeal?.executorId || appeal.pausedAt || appeal.dueAt.getTime() <= now.getTime()) return false;
  if (appeal.status === "answered" || appeal.status === "closed") return false;
  if (await alreadyReminded(tx, appeal)) return false;
  const [executor] = await tx
    .select({ id: users.id, email: users.email, locale: users.preferredLocale })
    .from(users)
    .where(and(eq(users.id, appeal.executorId), isNull(users.disabledAt)));
  if (!executor) return false;
  await notify(tx, {
    followAt: "inbox",
    recipient: { userId: executor.id, email: executor.email, locale: executor.locale },
    appeal,
    type: "executor_reminder",
    values: { dueAt: formatAlmatyTime(appeal.dueAt, executor.locale) },
  });
  await recordEvent(tx, {
    appealId: appeal.id,
    type: "executor_reminded",
    actor: null,
    bodyId: appeal.bodyId,
    data: { executorId: executor.id, dueAt: appeal.dueAt.toISOString() },
  });
  return true;
}

async function alreadyReminded(tx: Db, appeal: Appeal): Promise<boolean> {
  const [found] = await tx
    .select({ id: appealEvents.id })
    .from(appealEvents)
    .where(
      and(
        eq(appealEvents.appealId, appeal.id),
        eq(appealEvents.type, "executor_reminded"),
        sql`${appealEvents.data}->>'executorId' = ${appeal.executorId}`,
        sql`${appealEvents.data}->>'dueAt' = ${appeal.dueAt.toISOString()}`,
      ),
    )
    .limit(1);
  return Boolean(found);
}
