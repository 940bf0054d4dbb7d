import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals } from "@/db/schema";
import { DomainError } from "../errors";
import type { AnswerDecision } from "./answer-appeal";
import type { Appeal } from "./lifecycle";

/**
 * Where a complaint stands on its way up (APPC Art. 91(4)): still with the body whose answer or silence
 * it challenges, which may only satisfy it or pass it on, or with the superior body, which considers it
 * like any appeal. Null for an appeal that is not a complaint about another.
 */
export type ComplaintStage = "at_challenged_body" | "at_superior_body";

export async function complaintStage(
  db: Db,
  complaint: Pick<Appeal, "complaintOfId" | "bodyId">,
): Promise<ComplaintStage | null> {
  if (!complaint.complaintOfId) return null;
  const [original] = await db
    .select({ bodyId: appeals.bodyId })
    .from(appeals)
    .where(eq(appeals.id, complaint.complaintOfId));
  if (!original) return null;
  return original.bodyId === complaint.bodyId ? "at_challenged_body" : "at_superior_body";
}

/**
 * The body complained about answers a complaint only by satisfying it in full; anything less is for the
 * superior body to decide, so the complaint must be passed up instead.
 */
export async function assertComplaintAnswerAllowed(db: Db, appeal: Appeal, decision: AnswerDecision) {
  if (decision === "satisfied") return;
  if ((await complaintStage(db, appeal)) === "at_challenged_body")
    throw new DomainError("SATISFY_OR_PASS_UP");
}
