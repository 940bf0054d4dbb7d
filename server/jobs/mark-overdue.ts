import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { appeals, stateBodies, users } from "@/db/schema";
import { bodyName } from "@/server/directory/body-name";
import { type Appeal, applyAction, canTake, recordEvent } from "../appeals/lifecycle";
import { superiorBodyOf } from "../directory/body-scope";
import { formatAlmatyTime, notify, notifyApplicant } from "../notifications/notify";

const BATCH = 500;

/**
 * APPC Art. 91(2): when the term passes without an answer, the silence counts as a refusal. Marks every
 * such appeal once, tells the applicant, and alerts the officials of the superior body, which oversees
 * the late one. Each appeal is marked in its own transaction, so one failure does not hold back the rest;
 * the row lock and the `overdueAt is null` check make a second run, or a second app process, a no-op.
 * Returns how many appeals were marked.
 */
export async function markOverdueAppeals(db: Database, now: Date): Promise<number> {
  // The conditions repeat the predicate of the partial index appeals_open_due_idx, so it is used.
  const due = await db
    .select({ id: appeals.id })
    .from(appeals)
    .where(
      and(
        sql`${appeals.status} not in ('answered', 'closed')`,
        lt(appeals.dueAt, now),
        isNull(appeals.overdueAt),
        // A term stopped while the citizen clarifies is not running, so it cannot run out.
        isNull(appeals.pausedAt),
      ),
    )
    .orderBy(appeals.dueAt)
    .limit(BATCH);
  let marked = 0;
  let failure: unknown = null;
  for (const { id } of due) {
    try {
      if (await db.transaction((tx) => markOne(tx, id, now))) marked++;
    } catch (error) {
      failure = error;
    }
  }
  // Reported after the others are done, so that the job is recorded as failed and retried.
  if (failure) throw failure;
  return marked;
}

async function markOne(tx: Db, appealId: string, now: Date): Promise<boolean> {
  // SKIP LOCKED: an appeal another process (or an official answering it) holds is left for the next run.
  const [appeal] = await tx
    .select()
    .from(appeals)
    .where(eq(appeals.id, appealId))
    .for("update", { skipLocked: true });
  if (!appeal || appeal.overdueAt || appeal.pausedAt || appeal.dueAt.getTime() >= now.getTime()) return false;
  if (!canTake("mark_overdue", appeal.status)) return false;
  const { appeal: overdue } = await applyAction(tx, {
    appeal,
    action: "mark_overdue",
    actor: null,
    set: { overdueAt: now },
    data: { dueAt: appeal.dueAt.toISOString() },
  });
  await notifyApplicant(tx, { appeal: overdue, type: "overdue" });
  await alertSupervisors(tx, overdue);
  return true;
}

/** Tells every active official of the superior body, and records that they were told. */
async function alertSupervisors(tx: Db, appeal: Appeal) {
  const superiorId = await superiorBodyOf(tx, appeal.bodyId);
  if (!superiorId) return;
  const supervisors = await tx
    .select({ id: users.id, email: users.email, locale: users.preferredLocale })
    .from(users)
    .where(and(eq(users.bodyId, superiorId), eq(users.role, "official"), isNull(users.disabledAt)));
  if (supervisors.length === 0) return;
  const [body] = await tx.select().from(stateBodies).where(eq(stateBodies.id, appeal.bodyId));
  for (const s of supervisors) {
    await notify(tx, {
      followAt: "inbox",
      recipient: { userId: s.id, email: s.email, locale: s.locale },
      appeal,
      type: "supervisor_overdue",
      values: {
        bodyName: body ? bodyName(body, s.locale) : "",
        dueAt: formatAlmatyTime(appeal.dueAt, s.locale),
      },
    });
  }
  await recordEvent(tx, {
    appealId: appeal.id,
    type: "supervisor_alerted",
    actor: null,
    bodyId: superiorId,
    data: { supervisorBodyId: superiorId, officials: supervisors.length },
  });
}
