import type { Database } from "@/db/client";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { requestClarification } from "@/server/appeals/request-clarification";
import type { SessionUser } from "@/server/auth/sessions";
import { createActor } from "./actors";
import { almaty, fileTestAppeal, officialOf } from "./official-fixtures";

export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");

/** A citizen with an appeal to Almaty's akimat filed on Tue 10 Nov 2026 at 10:00 (due Tue 1 Dec 2026). */
export async function citizenWithAppeal(db: Database, citizen?: SessionUser) {
  const author = citizen ?? (await createActor(db, "citizen"));
  const appeal = await fileTestAppeal(db, { authorId: author.id, filedAt: almaty("2026-11-10T10:00:00") });
  return { citizen: author, appeal };
}

/** The body of the appeal asks its author to clarify, at `at`. */
export async function askToClarify(db: Database, appealId: string, at: Date) {
  const { acting } = await officialOf(db, "akimat-almaty-city");
  return requestClarification(db, {
    appealId,
    question: "Which entrance of the block has no hot water?",
    official: acting,
    now: at,
  });
}

/** The body answers the appeal, at `at`. */
export async function answer(db: Database, appealId: string, at: Date) {
  const { acting } = await officialOf(db, "akimat-almaty-city");
  return answerAppeal(db, {
    appealId,
    decision: "refused",
    text: "The network operator repairs the main pipe under its own plan; your block is scheduled for spring.",
    legalGrounds: "Rules for the provision of utility services, para. 12.",
    appealRights: "You may complain to the superior body or to court under the APPC within the legal terms.",
    official: acting,
    now: at,
  });
}
