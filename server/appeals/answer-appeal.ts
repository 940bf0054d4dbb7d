import type { Db } from "@/db/client";
import { type answerDecision, appealAnswers, attachments } from "@/db/schema";
import { notifyApplicant } from "../notifications/notify";
import { type ActingOfficial, officialActor } from "./acting-official";
import { lockAppealOfBodyOrThrow } from "./appeal-access";
import { checkAttachments, type IncomingFile } from "./attachment-rules";
import { assertComplaintAnswerAllowed } from "./complaint-route";
import { applyAction } from "./lifecycle";

export type AnswerDecision = (typeof answerDecision.enumValues)[number];

/**
 * The law requires a reasoned answer: what was decided, on which legal grounds, and how to complain
 * about it (APPC Art. 76, 91). Each part has a floor, so an empty formality cannot be sent.
 */
export const ANSWER_LIMITS = {
  text: { min: 50, max: 20_000 },
  legalGrounds: { min: 10, max: 4_000 },
  appealRights: { min: 30, max: 4_000 },
} as const;

/**
 * Sends the body's answer with its files. It is final: the answer row has no update path and a trigger
 * refuses one. Whether it came in time is fixed now, against the deadline as it stands.
 */
export async function answerAppeal(
  db: Db,
  o: {
    appealId: string;
    decision: AnswerDecision;
    text: string;
    legalGrounds: string;
    appealRights: string;
    attachments?: readonly IncomingFile[];
    official: ActingOfficial;
    now?: Date;
  },
) {
  const now = o.now ?? new Date();
  const files = await checkAttachments(o.attachments ?? []);
  return db.transaction(async (tx) => {
    const appeal = await lockAppealOfBodyOrThrow(tx, o.appealId, o.official.bodyId);
    await assertComplaintAnswerAllowed(tx, appeal, o.decision);
    const onTime = now.getTime() <= appeal.dueAt.getTime();
    const { appeal: updated, event } = await applyAction(tx, {
      appeal,
      action: "answer",
      actor: officialActor(o.official),
      // An answer given while the citizen's clarification is still awaited ends the pause too.
      set: { answeredAt: now, pausedAt: null },
      data: { decision: o.decision, onTime, attachments: files.length },
    });
    await tx.insert(appealAnswers).values({
      appealId: appeal.id,
      bodyId: appeal.bodyId,
      decision: o.decision,
      text: o.text,
      legalGrounds: o.legalGrounds,
      appealRights: o.appealRights,
      answeredById: o.official.id,
      answeredAt: now,
      onTime,
    });
    if (files.length > 0) {
      await tx
        .insert(attachments)
        .values(
          files.map((f) => ({ ...f, appealId: appeal.id, eventId: event.id, uploadedById: o.official.id })),
        );
    }
    await notifyApplicant(tx, { appeal: updated, type: "answered" });
    return updated;
  });
}
