import type { Db } from "@/db/client";
import { extendDeadline } from "../deadlines/deadline-policy";
import { loadDeadlinePolicy, loadWorkingCalendar } from "../deadlines/load-calendar";
import type { IsoDate } from "../deadlines/working-calendar";
import { DomainError, type DomainErrorCode } from "../errors";
import { notifyApplicant } from "../notifications/notify";
import { type ActingOfficial, officialActor } from "./acting-official";
import { lockAppealOfBodyOrThrow } from "./appeal-access";
import { applyAction } from "./lifecycle";

const REFUSALS: Record<
  "ALREADY_EXTENDED" | "BEYOND_LIMIT" | "NOT_LATER" | "DEADLINE_PASSED",
  DomainErrorCode
> = {
  ALREADY_EXTENDED: "ALREADY_EXTENDED",
  BEYOND_LIMIT: "BEYOND_LEGAL_LIMIT",
  NOT_LATER: "DATE_NOT_LATER",
  DEADLINE_PASSED: "DEADLINE_PASSED",
};

/**
 * Records the head's (or deputy head's) reasoned decision to extend the term once, to at most two months
 * in all (APPC Art. 76). Accounts carry no "head" role, so the decision names who signed it. The
 * applicant must be told within 3 working days; the notice goes out in the same transaction.
 */
export async function extendAppealDeadline(
  db: Db,
  o: {
    appealId: string;
    newDueOn: IsoDate;
    reason: string;
    decidedBy: string;
    official: ActingOfficial;
    now?: Date;
  },
) {
  const now = o.now ?? new Date();
  return db.transaction(async (tx) => {
    const appeal = await lockAppealOfBodyOrThrow(tx, o.appealId, o.official.bodyId);
    const cal = await loadWorkingCalendar(tx);
    const policy = await loadDeadlinePolicy(tx, appeal.kind);
    const decision = extendDeadline(
      {
        registeredOn: appeal.registeredOn,
        currentDueAt: appeal.dueAt,
        requestedOn: o.newDueOn,
        alreadyExtended: appeal.extendedAt !== null,
        now,
      },
      policy,
      cal,
    );
    if (!decision.ok) throw new DomainError(REFUSALS[decision.reason]);
    const { appeal: updated } = await applyAction(tx, {
      appeal,
      action: "extend",
      at: now,
      actor: officialActor(o.official),
      set: { dueAt: decision.dueAt, extendedAt: now },
      data: {
        from: appeal.dueAt.toISOString(),
        to: decision.dueAt.toISOString(),
        reason: o.reason,
        decidedBy: o.decidedBy,
        citizenNoticeBy: decision.citizenNoticeBy.toISOString(),
        citizenNotifiedAt: now.toISOString(),
      },
    });
    await notifyApplicant(tx, { appeal: updated, type: "extended", values: { reason: o.reason } });
    return updated;
  });
}
