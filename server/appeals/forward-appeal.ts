import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stateBodies } from "@/db/schema";
import { bodyName } from "@/server/directory/body-name";
import { considerationDueAt, forwardingDueAt, registrationDate } from "../deadlines/deadline-policy";
import { loadDeadlinePolicy, loadWorkingCalendar } from "../deadlines/load-calendar";
import { DomainError } from "../errors";
import { notifyApplicant } from "../notifications/notify";
import { type ActingOfficial, officialActor } from "./acting-official";
import { lockAppealOfBodyOrThrow } from "./appeal-access";
import { applyAction } from "./lifecycle";

/**
 * Sends an appeal outside the body's competence to the competent body (APPC Art. 76), telling the
 * applicant at once. The competent body receives it as a new registration, so its own term counts from
 * today, with its own one extension. The law's 3 working days to forward are not enforced by refusal:
 * a late forward still has to happen, and the event records that it was late, so the breach stays visible.
 */
export async function forwardAppeal(
  db: Db,
  o: { appealId: string; toBodyId: string; reason: string; official: ActingOfficial; now?: Date },
) {
  const now = o.now ?? new Date();
  return db.transaction(async (tx) => {
    const appeal = await lockAppealOfBodyOrThrow(tx, o.appealId, o.official.bodyId);
    if (o.toBodyId === appeal.bodyId) throw new DomainError("SAME_BODY");
    const [target] = await tx.select().from(stateBodies).where(eq(stateBodies.id, o.toBodyId));
    if (!target) throw new DomainError("NOT_FOUND");

    const cal = await loadWorkingCalendar(tx);
    const policy = await loadDeadlinePolicy(tx, appeal.kind);
    const forwardBy = forwardingDueAt(appeal.registeredOn, policy, cal);
    const registeredOn = registrationDate(now, cal);
    const dueAt = considerationDueAt(registeredOn, policy, cal);

    const { appeal: updated } = await applyAction(tx, {
      appeal,
      action: "forward",
      at: now,
      actor: officialActor(o.official),
      set: {
        bodyId: target.id,
        receivedAt: now,
        registeredOn,
        dueAt,
        forwardCount: appeal.forwardCount + 1,
        executorId: null,
        extendedAt: null,
        pausedAt: null,
        overdueAt: null,
      },
      data: {
        from: appeal.bodyId,
        to: target.id,
        reason: o.reason,
        dueAt: dueAt.toISOString(),
        previousDueAt: appeal.dueAt.toISOString(),
        forwardBy: forwardBy.toISOString(),
        onTime: now.getTime() <= forwardBy.getTime(),
      },
    });
    await notifyApplicant(tx, {
      appeal: updated,
      type: "forwarded",
      values: { bodyName: bodyName(target, updated.locale), reason: o.reason },
    });
    return updated;
  });
}
