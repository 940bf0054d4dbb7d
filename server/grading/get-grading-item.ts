import { and, asc, eq, notExists } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  appealAnswers,
  appealPublications,
  appeals,
  gradingGrades,
  gradingItems,
  gradingRounds,
  stateBodies,
} from "@/db/schema";
import { DomainError } from "../errors";
import { type AnswerRedactions, redactedStrings } from "../moderation/redactions";
import { plainWithoutPersonalData } from "../personal-data/without-personal-data";
import { applicantOf } from "../public-appeals/applicant-of";

/**
 * One sampled answer as a grader reads it, blind: the appeal and the body's answer with the body's
 * names (in every language, and its code) and the applicant's personal data taken out, together with
 * whatever a moderator redacted and whatever the personal-data detector finds. Nothing of other graders:
 * only whether this grader has graded it, and their own scores.
 */
export async function getGradingItem(db: Db, o: { itemId: string; graderId: string }) {
  const [row] = await db
    .select({
      id: gradingItems.id,
      label: gradingItems.label,
      roundId: gradingItems.roundId,
      roundTitle: gradingRounds.title,
      status: gradingRounds.status,
      rubric: gradingRounds.rubric,
      appealId: appeals.id,
      kind: appeals.kind,
      category: appeals.category,
      locale: appeals.locale,
      subject: appeals.subject,
      text: appeals.text,
      body: {
        code: stateBodies.code,
        nameKk: stateBodies.nameKk,
        nameRu: stateBodies.nameRu,
        nameEn: stateBodies.nameEn,
      },
      visibility: appealPublications.visibility,
      redactions: appealPublications.redactions,
      subjectRedactions: appealPublications.subjectRedactions,
      answerRedactions: appealPublications.answerRedactions,
      answer: {
        decision: appealAnswers.decision,
        text: appealAnswers.text,
        legalGrounds: appealAnswers.legalGrounds,
        appealRights: appealAnswers.appealRights,
      },
    })
    .from(gradingItems)
    .innerJoin(gradingRounds, eq(gradingRounds.id, gradingItems.roundId))
    .innerJoin(appeals, eq(appeals.id, gradingItems.appealId))
    .innerJoin(appealAnswers, eq(appealAnswers.appealId, appeals.id))
    .innerJoin(stateBodies, eq(stateBodies.id, gradingItems.bodyId))
    .leftJoin(appealPublications, eq(appealPublications.appealId, appeals.id))
    .where(eq(gradingItems.id, o.itemId));
  if (!row || row.status === "committed") throw new DomainError("NOT_FOUND");
  const [mine] = await db
    .select({ scores: gradingGrades.scores })
    .from(gradingGrades)
    .where(and(eq(gradingGrades.itemId, row.id), eq(gradingGrades.graderId, o.graderId)));

  const applicant = await applicantOf(db, row.appealId);
  const bodyNames = [row.body.nameKk, row.body.nameRu, row.body.nameEn, row.body.code];
  const quoted = [
    ...redactedStrings([
      { text: row.subject, spans: row.subjectRedactions ?? [] },
      { text: row.text, spans: row.redactions ?? [] },
    ]),
    ...applicant.contacts,
    ...bodyNames,
  ];
  const plain = (text: string, reviewed: readonly { start: number; end: number }[] = []) =>
    plainWithoutPersonalData(text, { names: applicant.names, reviewed, quoted });
  const hidden = row.visibility === "hidden";
  const answerSpans: AnswerRedactions = row.answerRedactions ?? {};
  return {
    id: row.id,
    label: row.label,
    round: { id: row.roundId, title: row.roundTitle, status: row.status },
    rubric: row.rubric,
    kind: row.kind,
    category: row.category,
    locale: row.locale,
    // A moderator hid the appeal's words from everyone: the grader judges the answer alone.
    hidden,
    subject: hidden ? null : plain(row.subject, row.subjectRedactions ?? []),
    text: hidden ? null : plain(row.text, row.redactions ?? []),
    answer: {
      decision: row.answer.decision,
      text: plain(row.answer.text, answerSpans.text),
      legalGrounds: plain(row.answer.legalGrounds, answerSpans.legalGrounds),
      appealRights: plain(row.answer.appealRights, answerSpans.appealRights),
    },
    myScores: mine?.scores ?? null,
    next: await nextItemFor(db, { roundId: row.roundId, graderId: o.graderId, besides: row.id }),
  };
}

/** The first item of the round this grader has not graded yet, other than `besides`. */
export async function nextItemFor(db: Db, o: { roundId: string; graderId: string; besides?: string }) {
  const open = await db
    .select({ id: gradingItems.id })
    .from(gradingItems)
    .where(
      and(
        eq(gradingItems.roundId, o.roundId),
        notExists(
          db
            .select({ one: gradingGrades.itemId })
            .from(gradingGrades)
            .where(and(eq(gradingGrades.itemId, gradingItems.id), eq(gradingGrades.graderId, o.graderId))),
        ),
      ),
    )
    .orderBy(asc(gradingItems.label));
  return open.find((i) => i.id !== o.besides)?.id ?? null;
}
