import type { Db } from "@/db/client";
import { attachments } from "@/db/schema";
import { resumeAfterPause } from "../deadlines/deadline-policy";
import { loadDeadlinePolicy, loadWorkingCalendar } from "../deadlines/load-calendar";
import { DomainError } from "../errors";
import { lockOwnAppealOrThrow } from "./appeal-access";
import { checkAttachments, type IncomingFile } from "./attachment-rules";
import { applyAction, canTake } from "./lifecycle";

/**
 * The applicant answers the body's request for clarification. If the term was stopped meanwhile, the
 * body gets back the working days it waited (resumeAfterPause), and the new deadline is on the record.
 */
export async function provideClarification(
  db: Db,
  o: {
    appealId: string;
    citizenId: string;
    reply: string;
    attachments?: readonly IncomingFile[];
    now?: Date;
  },
) {
  const now = o.now ?? new Date();
  const files = await checkAttachments(o.attachments ?? []);
  return db.transaction(async (tx) => {
    const appeal = await lockOwnAppealOrThrow(tx, o.appealId, o.citizenId);
    if (!canTake("provide_clarification", appeal.status)) throw new DomainError("BAD_TRANSITION");
    const dueAt = appeal.pausedAt
      ? resumeAfterPause(
          { dueAt: appeal.dueAt, pausedAt: appeal.pausedAt, resumedAt: now },
          await loadDeadlinePolicy(tx, appeal.kind),
          await loadWorkingCalendar(tx),
        )
      : appeal.dueAt;
    const { appeal: updated, event } = await applyAction(tx, {
      appeal,
      action: "provide_clarification",
      at: now,
      actor: { id: o.citizenId, role: "citizen" },
      set: { pausedAt: null, dueAt },
      data: {
        reply: o.reply,
        dueAt: dueAt.toISOString(),
        previousDueAt: appeal.dueAt.toISOString(),
        attachments: files.length,
      },
    });
    if (files.length > 0) {
      await tx
        .insert(attachments)
        .values(
          files.map((f) => ({ ...f, appealId: appeal.id, eventId: event.id, uploadedById: o.citizenId })),
        );
    }
    return updated;
  });
}
