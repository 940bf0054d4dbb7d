import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals } from "@/db/schema";
import { DomainError } from "../errors";
import type { ActingOfficial } from "./acting-official";
import type { AnswerDecision, WithoutConsiderationGround } from "./answer-outcomes";
import { type AnswerCheck, checkAnswer } from "./check-answer";

/**
 * The pre-send check of a draft answer, for the answer form: only an official of the body holding the
 * appeal may run it (the appeal's language is the only thing it reads). Nothing is stored; answerAppeal
 * runs the same check again on what is sent and stores that.
 */
export async function checkAnswerDraft(
  db: Db,
  o: {
    appealId: string;
    decision?: AnswerDecision | null;
    withoutConsiderationGround?: WithoutConsiderationGround | null;
    text: string;
    legalGrounds: string;
    appealRights: string;
    official: ActingOfficial;
  },
): Promise<AnswerCheck> {
  const [appeal] = await db
    .select({ locale: appeals.locale })
    .from(appeals)
    .where(and(eq(appeals.id, o.appealId), eq(appeals.bodyId, o.official.bodyId)));
  if (!appeal) throw new DomainError("NOT_FOUND", "appeal-of-own-body");
  return checkAnswer({ ...o, appealLocale: appeal.locale });
}
