import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealAnswers, appealEvents, appealRatings, appeals, attachments, stateBodies } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { loadWorkingCalendar } from "../deadlines/load-calendar";
import { superiorBodyOf } from "../directory/body-scope";
import { getReadableAppealOrThrow } from "./appeal-access";
import { deadlineState } from "./deadline-state";
import { complaintGrounds } from "./file-complaint";
import { getTimeline } from "./get-timeline";

const bodyColumns = {
  id: stateBodies.id,
  nameKk: stateBodies.nameKk,
  nameRu: stateBodies.nameRu,
  nameEn: stateBodies.nameEn,
};

/**
 * One appeal as its applicant sees it: what they sent, where it stands, the body's answer (signed by the
 * body, not by a person), the history, and which of their own steps are open now.
 */
export async function getAppealForCitizen(db: Db, o: { appealId: string; viewer: SessionUser; now?: Date }) {
  const now = o.now ?? new Date();
  const appeal = await getReadableAppealOrThrow(db, o.appealId, o.viewer);
  const cal = await loadWorkingCalendar(db);
  const superiorId = await superiorBodyOf(db, appeal.bodyId);
  const [body] = await db.select(bodyColumns).from(stateBodies).where(eq(stateBodies.id, appeal.bodyId));
  const [superiorBody] = superiorId
    ? await db.select(bodyColumns).from(stateBodies).where(eq(stateBodies.id, superiorId))
    : [];
  const files = await db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      size: attachments.size,
      sentWith: appealEvents.type,
    })
    .from(attachments)
    .leftJoin(appealEvents, eq(appealEvents.id, attachments.eventId))
    .where(eq(attachments.appealId, appeal.id))
    .orderBy(asc(attachments.createdAt), asc(attachments.fileName));
  const [answer] = await db
    .select({
      decision: appealAnswers.decision,
      text: appealAnswers.text,
      legalGrounds: appealAnswers.legalGrounds,
      appealRights: appealAnswers.appealRights,
      answeredAt: appealAnswers.answeredAt,
      onTime: appealAnswers.onTime,
      body: bodyColumns,
    })
    .from(appealAnswers)
    .innerJoin(stateBodies, eq(stateBodies.id, appealAnswers.bodyId))
    .where(eq(appealAnswers.appealId, appeal.id));
  const [rating] = await db.select().from(appealRatings).where(eq(appealRatings.appealId, appeal.id));
  const [complaintOf] = appeal.complaintOfId
    ? await db
        .select({ id: appeals.id, number: appeals.number })
        .from(appeals)
        .where(eq(appeals.id, appeal.complaintOfId))
    : [];
  const complaints = await db
    .select({ id: appeals.id, number: appeals.number, status: appeals.status, filedAt: appeals.filedAt })
    .from(appeals)
    .where(and(eq(appeals.complaintOfId, appeal.id), eq(appeals.authorId, o.viewer.id)));
  const timeline = await getTimeline(db, appeal.id);
  const grounds = complaintGrounds(appeal, now, cal);
  const awaitingClarification = appeal.status === "awaiting_clarification";

  return {
    appeal: {
      id: appeal.id,
      number: appeal.number,
      kind: appeal.kind,
      status: appeal.status,
      category: appeal.category,
      region: appeal.region,
      subject: appeal.subject,
      text: appeal.text,
      channel: appeal.channel,
      publishConsent: appeal.publishConsent,
      locale: appeal.locale,
      filedAt: appeal.filedAt,
      registeredOn: appeal.registeredOn,
      dueAt: appeal.dueAt,
      extendedAt: appeal.extendedAt,
      answeredAt: appeal.answeredAt,
      closedAt: appeal.closedAt,
    },
    body: body ?? null,
    superiorBody: superiorBody ?? null,
    deadline: deadlineState(appeal, now, cal),
    attachments: files,
    answer: answer ?? null,
    rating: rating ?? null,
    complaintOf: complaintOf ?? null,
    complaints,
    timeline,
    /** The body's latest question while it waits for the applicant's clarification. */
    question: awaitingClarification
      ? (timeline.findLast((e) => e.type === "clarification_requested")?.question ?? null)
      : null,
    complaintGrounds: grounds,
    can: {
      clarify: awaitingClarification,
      rate: Boolean(answer) && !rating,
      complain: grounds !== null && complaints.length === 0 && superiorBody !== undefined,
    },
  };
}

export type AppealForCitizen = Awaited<ReturnType<typeof getAppealForCitizen>>;
