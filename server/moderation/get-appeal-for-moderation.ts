import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  appealAnswers,
  appealPublications,
  appeals,
  moderationContests,
  moderationLog,
  stateBodies,
} from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { DomainError } from "../errors";
import { detectPersonalData } from "../personal-data/detect-personal-data";
import { applicantOf } from "../public-appeals/applicant-of";
import type { LogEntryContent } from "./append-log-entry";
import { assertNoConflict } from "./conflict-of-interest";
import { allowedDecisions } from "./moderate-appeal";
import { ANSWER_PARTS, type AnswerPart } from "./redactions";

/**
 * An appeal whose author allowed publication, as a moderator needs it to decide: the subject, the text
 * and the body's answer they must read, with the personal data the detector found pre-marked, where it
 * stands, and every earlier decision on it. Never the applicant's name or contacts as such, which are
 * not the public's and not the moderator's business (the marks only say where they occur); appeals
 * without consent to publication are not found at all.
 */
export async function getAppealForModeration(db: Db, o: { appealId: string; moderator: SessionUser }) {
  const [row] = await db
    .select({
      appeal: {
        id: appeals.id,
        number: appeals.number,
        kind: appeals.kind,
        category: appeals.category,
        region: appeals.region,
        subject: appeals.subject,
        text: appeals.text,
        filedAt: appeals.filedAt,
        bodyId: appeals.bodyId,
      },
      body: { nameKk: stateBodies.nameKk, nameRu: stateBodies.nameRu, nameEn: stateBodies.nameEn },
      publication: {
        visibility: appealPublications.visibility,
        redactions: appealPublications.redactions,
        subjectRedactions: appealPublications.subjectRedactions,
        answerRedactions: appealPublications.answerRedactions,
        answerLogSeq: appealPublications.answerLogSeq,
        submittedAt: appealPublications.submittedAt,
        changedAt: appealPublications.changedAt,
        logSeq: appealPublications.logSeq,
      },
    })
    .from(appealPublications)
    .innerJoin(appeals, eq(appeals.id, appealPublications.appealId))
    .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
    .where(eq(appealPublications.appealId, o.appealId));
  if (!row) throw new DomainError("NOT_FOUND");
  await assertNoConflict(db, { moderator: o.moderator, appealId: o.appealId });
  const [answer] = await db
    .select({
      text: appealAnswers.text,
      legalGrounds: appealAnswers.legalGrounds,
      appealRights: appealAnswers.appealRights,
    })
    .from(appealAnswers)
    .where(eq(appealAnswers.appealId, o.appealId));
  const { names } = await applicantOf(db, o.appealId);
  const marks = (text: string) => detectPersonalData(text, { names });

  const entries = await db
    .select({
      seq: moderationLog.seq,
      canonical: moderationLog.canonical,
      moderatorId: moderationLog.moderatorId,
      createdAt: moderationLog.createdAt,
    })
    .from(moderationLog)
    .where(eq(moderationLog.appealId, o.appealId))
    .orderBy(asc(moderationLog.seq));
  const [contest] = await db
    .select({
      status: moderationContests.status,
      reason: moderationContests.reason,
      contestedSeq: moderationContests.contestedSeq,
      decidedSeq: moderationContests.decidedSeq,
      createdAt: moderationContests.createdAt,
    })
    .from(moderationContests)
    .where(eq(moderationContests.appealId, o.appealId))
    // Each decision may be contested once: the latest contest is the one that matters now.
    .orderBy(desc(moderationContests.createdAt))
    .limit(1);
  const contestedBy = contest && entries.find((e) => e.seq === contest.contestedSeq)?.moderatorId;

  const answerAwaitingReview = Boolean(answer) && row.publication.answerLogSeq === null;
  return {
    appeal: row.appeal,
    answer: answer ?? null,
    answerAwaitingReview,
    // What the detector proposes to hide in each part; the moderator confirms, changes or drops each mark.
    detected: {
      subject: marks(row.appeal.subject),
      text: marks(row.appeal.text),
      answer: answer
        ? (Object.fromEntries(ANSWER_PARTS.map((p) => [p, marks(answer[p])])) as Record<
            AnswerPart,
            ReturnType<typeof marks>
          >)
        : null,
    },
    body: row.body,
    publication: row.publication,
    history: entries.map((e) => {
      const content = JSON.parse(e.canonical) as LogEntryContent;
      return {
        seq: e.seq,
        action: content.action,
        statement: content.statement,
        moderator: content.moderator,
        byViewer: e.moderatorId === o.moderator.id,
        at: e.createdAt,
      };
    }),
    contest: contest ?? null,
    decisions: allowedDecisions(row.publication.visibility, { answerAwaitingReview }),
    // The one who made the contested decision does not judge it.
    canDecideContest: contest?.status === "open" && contestedBy !== o.moderator.id,
  };
}

export type AppealForModeration = Awaited<ReturnType<typeof getAppealForModeration>>;
