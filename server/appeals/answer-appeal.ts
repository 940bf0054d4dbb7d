import type { Db } from "@/db/client";
import { appealAnswers, attachments } from "@/db/schema";
import { DomainError } from "../errors";
import { recordAnswerSignature } from "../metrics/record-answer-signature";
import { notifyApplicant } from "../notifications/notify";
import { type ActingOfficial, officialActor } from "./acting-official";
import type { AnswerDecision, WithoutConsiderationGround } from "./answer-outcomes";
import { lockAppealOfBodyOrThrow } from "./appeal-access";
import { checkAttachments, type IncomingFile } from "./attachment-rules";
import { checkAnswer } from "./check-answer";
import { assertComplaintAnswerAllowed } from "./complaint-route";
import { applyAction } from "./lifecycle";

export type { AnswerDecision } from "./answer-outcomes";

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
 * refuses one. Whether it came in time is fixed now, against the deadline as it stands; so are what the
 * pre-send check found (the official may send regardless) and the answer's near-copies among the body's
 * earlier answers (formal replies, docs/metrics.md).
 */
export async function answerAppeal(
  db: Db,
  o: {
    appealId: string;
    decision: AnswerDecision;
    /** Required when the decision is "left_without_consideration", and only then. */
    withoutConsiderationGround?: WithoutConsiderationGround | null;
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
    const ground =
      o.decision === "left_without_consideration" ? (o.withoutConsiderationGround ?? null) : null;
    if (o.decision === "left_without_consideration" && !ground) throw new DomainError("GROUND_REQUIRED");
    const check = checkAnswer({ ...o, withoutConsiderationGround: ground, appealLocale: appeal.locale });
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
      withoutConsiderationGround: ground,
      language: check.language,
      lawfulLanguage: check.lawfulLanguage,
      namesLegalGround: check.namesLegalGround,
      checkMissing: check.missing,
    });
    await recordAnswerSignature(tx, {
      appealId: appeal.id,
      bodyId: appeal.bodyId,
      answeredAt: now,
      text: o.text,
      appeal,
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
