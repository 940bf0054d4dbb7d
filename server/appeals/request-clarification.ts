import type { Db } from "@/db/client";
import { loadDeadlinePolicy } from "../deadlines/load-calendar";
import { notifyApplicant } from "../notifications/notify";
import { type ActingOfficial, officialActor } from "./acting-official";
import { lockAppealOfBodyOrThrow } from "./appeal-access";
import { applyAction } from "./lifecycle";

/**
 * Asks the applicant to clarify the appeal. Whether the term stops meanwhile is the deadline policy's
 * choice; the stop is recorded as `pausedAt`, from which the citizen's reply recomputes the deadline
 * (resumeAfterPause). A term that has already run out cannot be stopped: the refusal of Art. 91(2) stands.
 */
export async function requestClarification(
  db: Db,
  o: { appealId: string; question: string; official: ActingOfficial; now?: Date },
) {
  const now = o.now ?? new Date();
  return db.transaction(async (tx) => {
    const appeal = await lockAppealOfBodyOrThrow(tx, o.appealId, o.official.bodyId);
    const policy = await loadDeadlinePolicy(tx, appeal.kind);
    const pausesClock = policy.clarificationPausesClock && now.getTime() <= appeal.dueAt.getTime();
    const { appeal: updated } = await applyAction(tx, {
      appeal,
      action: "request_clarification",
      at: now,
      actor: officialActor(o.official),
      set: { pausedAt: pausesClock ? now : null },
      data: { question: o.question, pausesClock },
    });
    await notifyApplicant(tx, {
      appeal: updated,
      type: "clarification_requested",
      values: { question: o.question },
    });
    return updated;
  });
}
