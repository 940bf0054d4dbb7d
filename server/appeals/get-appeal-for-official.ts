import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealAnswers, appealEvents, attachments, stateBodies, users } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { forwardingDueAt, latestExtensionDueAt } from "../deadlines/deadline-policy";
import { loadDeadlinePolicy, loadWorkingCalendar } from "../deadlines/load-calendar";
import { almatyDate } from "../deadlines/working-calendar";
import { superiorBodyOf } from "../directory/body-scope";
import { DomainError } from "../errors";
import { getAppealClockFlags } from "../metrics/get-appeal-clock-flags";
import { getReadableAppealOrThrow } from "./appeal-access";
import { complaintStage } from "./complaint-route";
import { ownReviewDueAt } from "./complaint-terms";
import { deadlineState } from "./deadline-state";
import { getComplaintFile } from "./get-complaint-file";
import { type AppealAction, canTake } from "./lifecycle";

const OFFICIAL_ACTIONS = [
  "assign",
  "request_clarification",
  "forward",
  "extend",
  "answer",
  "close",
  "pass_complaint_up",
] as const;

/**
 * What the body complained about may do with a complaint filed through it (APPC Art. 91(4)): satisfy it
 * itself (an answer) or pass it up; it neither forwards it sideways nor extends the superior's term.
 */
const AT_CHALLENGED_BODY: ReadonlySet<AppealAction> = new Set(["assign", "answer", "pass_complaint_up"]);

/**
 * One appeal as the body handling it sees it: the applicant's contacts (personal data the body needs to
 * answer, never public), files, the whole history and the answer. A supervising body reads the same but
 * may not act on it.
 */
export async function getAppealForOfficial(db: Db, o: { appealId: string; viewer: SessionUser; now?: Date }) {
  if (o.viewer.role !== "official" || !o.viewer.bodyId) throw new DomainError("NOT_FOUND");
  const now = o.now ?? new Date();
  const appeal = await getReadableAppealOrThrow(db, o.appealId, o.viewer);
  const canAct = appeal.bodyId === o.viewer.bodyId;
  const cal = await loadWorkingCalendar(db);
  const policy = await loadDeadlinePolicy(db, appeal.kind);

  const [author] = appeal.authorId
    ? await db
        .select({ fullName: users.fullName, email: users.email, phone: users.phone })
        .from(users)
        .where(eq(users.id, appeal.authorId))
    : [];
  const [executor] = appeal.executorId
    ? await db
        .select({ id: users.id, fullName: users.fullName })
        .from(users)
        .where(eq(users.id, appeal.executorId))
    : [];
  const files = await db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      size: attachments.size,
      eventId: attachments.eventId,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.appealId, appeal.id))
    .orderBy(asc(attachments.createdAt));
  const events = await db
    .select({
      id: appealEvents.id,
      type: appealEvents.type,
      occurredAt: appealEvents.occurredAt,
      actorRole: appealEvents.actorRole,
      actorName: users.fullName,
      bodyId: appealEvents.bodyId,
      data: appealEvents.data,
    })
    .from(appealEvents)
    .leftJoin(users, eq(users.id, appealEvents.actorId))
    .where(eq(appealEvents.appealId, appeal.id))
    .orderBy(asc(appealEvents.id));
  const [answer] = await db
    .select({
      decision: appealAnswers.decision,
      text: appealAnswers.text,
      legalGrounds: appealAnswers.legalGrounds,
      appealRights: appealAnswers.appealRights,
      answeredAt: appealAnswers.answeredAt,
      onTime: appealAnswers.onTime,
      answeredByName: users.fullName,
    })
    .from(appealAnswers)
    .innerJoin(users, eq(users.id, appealAnswers.answeredById))
    .where(eq(appealAnswers.appealId, appeal.id));

  // Names of every body the history mentions (forwards name two), so the timeline reads in plain words.
  const superiorId = await superiorBodyOf(db, appeal.bodyId);
  const bodyIds = new Set<string>([appeal.bodyId, ...(superiorId ? [superiorId] : [])]);
  for (const e of events) {
    if (e.bodyId) bodyIds.add(e.bodyId);
    // Only a forward names bodies in from/to; an extension keeps dates there.
    if (e.type === "forwarded" || e.type === "complaint_passed_up") {
      for (const id of [e.data.from, e.data.to]) if (typeof id === "string") bodyIds.add(id);
    }
  }
  const bodies = Object.fromEntries(
    (
      await db
        .select({
          id: stateBodies.id,
          nameKk: stateBodies.nameKk,
          nameRu: stateBodies.nameRu,
          nameEn: stateBodies.nameEn,
        })
        .from(stateBodies)
        .where(inArray(stateBodies.id, [...bodyIds]))
    ).map((b) => [b.id, b]),
  );

  const stage = await complaintStage(db, appeal);
  const allowed = (a: AppealAction) =>
    canAct &&
    canTake(a, appeal.status) &&
    (stage === "at_challenged_body" ? AT_CHALLENGED_BODY.has(a) : a !== "pass_complaint_up");

  const {
    accessCodeHash: _code,
    idempotencyKey: _key,
    requestHash: _hash,
    applicantName,
    applicantEmail,
    applicantPhone,
    applicantAddress,
    ...fields
  } = appeal;
  return {
    appeal: fields,
    body: bodies[appeal.bodyId] ?? null,
    superiorBody: superiorId ? (bodies[superiorId] ?? null) : null,
    applicant: appeal.anonymous
      ? null
      : {
          name: applicantName ?? author?.fullName ?? null,
          email: applicantEmail ?? author?.email ?? null,
          phone: applicantPhone ?? author?.phone ?? null,
          address: applicantAddress,
        },
    executor: executor ?? null,
    attachments: files,
    events,
    bodies,
    answer: answer ?? null,
    complaint: stage
      ? {
          stage,
          // The short term to satisfy it or pass it up, counted from its registration at this body.
          passBy: stage === "at_challenged_body" ? ownReviewDueAt(appeal.registeredOn, cal) : null,
          file: await getComplaintFile(db, appeal, o.viewer),
        }
      : null,
    deadline: {
      ...deadlineState(appeal, now, cal),
      forwardBy: forwardingDueAt(appeal.registeredOn, policy, cal),
      extended: appeal.extendedAt !== null,
      latestExtensionOn: almatyDate(latestExtensionDueAt(appeal.registeredOn, policy, cal)),
      clarificationPausesClock: policy.clarificationPausesClock,
    },
    // Ping-pong, a complaint sent to the accused body, a pause past the due date (docs/metrics.md).
    clock: await getAppealClockFlags(db, appeal.id),
    canAct,
    actions: Object.fromEntries(OFFICIAL_ACTIONS.map((a) => [a, allowed(a)])) as Record<
      (typeof OFFICIAL_ACTIONS)[number] & AppealAction,
      boolean
    >,
  };
}
