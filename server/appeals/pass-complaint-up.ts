import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stateBodies } from "@/db/schema";
import { considerationDueAt, registrationDate } from "../deadlines/deadline-policy";
import { loadDeadlinePolicy, loadWorkingCalendar } from "../deadlines/load-calendar";
import { superiorBodyOf } from "../directory/body-scope";
import { DomainError } from "../errors";
import { notifyApplicant } from "../notifications/notify";
import { type ActingOfficial, officialActor } from "./acting-official";
import { lockAppealOfBodyOrThrow } from "./appeal-access";
import { complaintStage } from "./complaint-route";
import { COMPLAINT_TERMS, ownReviewDueAt } from "./complaint-terms";
import { applyAction } from "./lifecycle";

/**
 * The body complained about did not satisfy the complaint: it passes it, with the whole file, to the
 * superior body (APPC Art. 91(3)-(4)). The superior registers it anew and its term counts from today, as
 * for a forward (APPC Art. 100 counts from receipt by the body considering the complaint). The file goes
 * by reference: the superior reads the original appeal, its answer, history and files through the
 * complaint (appeal-access.ts). A late pass is still made, and the event records that it was late.
 */
export async function passComplaintUp(db: Db, o: { appealId: string; official: ActingOfficial; now?: Date }) {
  const now = o.now ?? new Date();
  return db.transaction(async (tx) => {
    const complaint = await lockAppealOfBodyOrThrow(tx, o.appealId, o.official.bodyId);
    if ((await complaintStage(tx, complaint)) !== "at_challenged_body")
      throw new DomainError("BAD_TRANSITION");
    const superiorId = await superiorBodyOf(tx, complaint.bodyId);
    if (!superiorId) throw new DomainError("NO_SUPERIOR_BODY");
    const [superior] = await tx.select().from(stateBodies).where(eq(stateBodies.id, superiorId));
    if (!superior) throw new DomainError("NO_SUPERIOR_BODY");

    const cal = await loadWorkingCalendar(tx);
    const passBy = ownReviewDueAt(complaint.registeredOn, cal);
    const registeredOn = registrationDate(now, cal);
    const dueAt = considerationDueAt(registeredOn, await loadDeadlinePolicy(tx, complaint.kind), cal);
    const { appeal: passed } = await applyAction(tx, {
      appeal: complaint,
      action: "pass_complaint_up",
      actor: officialActor(o.official),
      set: {
        bodyId: superiorId,
        receivedAt: now,
        registeredOn,
        dueAt,
        executorId: null,
        extendedAt: null,
        pausedAt: null,
        overdueAt: null,
      },
      data: {
        from: complaint.bodyId,
        to: superiorId,
        dueAt: dueAt.toISOString(),
        previousDueAt: complaint.dueAt.toISOString(),
        passBy: passBy.toISOString(),
        onTime: now.getTime() <= passBy.getTime(),
        term: COMPLAINT_TERMS.ownReview.value,
      },
    });
    // The applicant hears where the complaint went and the new deadline, as for a forward.
    await notifyApplicant(tx, {
      appeal: passed,
      type: "forwarded",
      values: {
        bodyName:
          passed.locale === "ru"
            ? superior.nameRu
            : passed.locale === "en"
              ? superior.nameEn
              : superior.nameKk,
        reason: { message: "complaintPassedUp" },
      },
    });
    return passed;
  });
}
