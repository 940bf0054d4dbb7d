import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { loadWorkingCalendar } from "../deadlines/load-calendar";
import type { WorkingCalendar } from "../deadlines/working-calendar";
import { superiorBodyOf } from "../directory/body-scope";
import { DomainError } from "../errors";
import { lockOwnAppealOrThrow } from "./appeal-access";
import { deadlineState } from "./deadline-state";
import { fileAppeal } from "./file-appeal";
import { type Appeal, recordEvent } from "./lifecycle";

export type ComplaintGrounds = "answer" | "overdue";

/**
 * Why the applicant may complain to the superior body, if they may: they disagree with the answer, or the
 * deadline passed without one, which APPC Art. 91(2) counts as a refusal.
 */
export function complaintGrounds(
  appeal: Pick<Appeal, "status" | "dueAt" | "pausedAt">,
  now: Date,
  cal: WorkingCalendar,
): ComplaintGrounds | null {
  if (appeal.status === "answered" || appeal.status === "closed") return "answer";
  return deadlineState(appeal, now, cal).overdue ? "overdue" : null;
}

/**
 * Files the applicant's complaint about an answer (or a silence) through the body that gave it, as APPC
 * Art. 91(4) has it: a new appeal of kind "complaint" pointing at the original, registered at that body,
 * which may satisfy it itself within a short term or pass it with the whole file to its superior body
 * (pass-complaint-up.ts). One complaint per appeal: the answer to the complaint may itself be complained
 * about, up the tree. Consent to publish is the complaint's own, asked afresh on the complaint form and
 * never carried over from the original. The complaint and the event on the original commit together.
 */
export async function fileComplaint(
  db: Db,
  o: {
    appealId: string;
    citizenId: string;
    text: string;
    publishConsent: boolean;
    locale: Locale;
    idempotencyKey: string;
    now?: Date;
  },
) {
  const now = o.now ?? new Date();
  return db.transaction(async (tx) => {
    const original = await lockOwnAppealOrThrow(tx, o.appealId, o.citizenId);
    const [earlier] = await tx
      .select()
      .from(appeals)
      .where(and(eq(appeals.complaintOfId, original.id), eq(appeals.authorId, o.citizenId)));
    // A retry of the same submission gets the complaint it already filed; the key with other words is
    // another submission, refused rather than answered with the first.
    if (earlier?.idempotencyKey === o.idempotencyKey) {
      if (earlier.text !== o.text) throw new DomainError("IDEMPOTENCY_MISMATCH");
      return earlier;
    }
    if (earlier) throw new DomainError("BAD_TRANSITION");

    const grounds = complaintGrounds(original, now, await loadWorkingCalendar(tx));
    if (!grounds) throw new DomainError("BAD_TRANSITION");
    const superiorId = await superiorBodyOf(tx, original.bodyId);
    if (!superiorId) throw new DomainError("NO_SUPERIOR_BODY");

    const { appeal: complaint } = await fileAppeal(tx, {
      kind: "complaint",
      bodyId: original.bodyId,
      category: original.category,
      region: original.region,
      subject: `${original.number}: ${original.subject}`.slice(0, 200),
      text: o.text,
      publishConsent: o.publishConsent,
      locale: o.locale,
      authorId: o.citizenId,
      complaintOfId: original.id,
      idempotencyKey: o.idempotencyKey,
      now,
    });
    await recordEvent(tx, {
      appealId: original.id,
      type: "complaint_filed",
      actor: { id: o.citizenId, role: "citizen" },
      bodyId: original.bodyId,
      // Addressed to the superior body, filed through the body complained about.
      data: { complaintId: complaint.id, toBodyId: superiorId, throughBodyId: original.bodyId, grounds },
    });
    return complaint;
  });
}
