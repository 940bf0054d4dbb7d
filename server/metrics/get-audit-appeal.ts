import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealAnswers, appealPublications, appealRatings, appeals, stateBodies } from "@/db/schema";
import { getTimeline } from "../appeals/get-timeline";
import { DomainError } from "../errors";
import { type AnswerRedactions, type PublicSegment, redactedStrings } from "../moderation/redactions";
import { plainWithoutPersonalData, withoutPersonalData } from "../personal-data/without-personal-data";
import { applicantOf } from "../public-appeals/applicant-of";
import { type NameSegment, withoutApplicant } from "../public-appeals/public-appeal-view";
import { getAppealClockFlags } from "./get-appeal-clock-flags";

/**
 * One appeal as an auditor reads it: its content, the answer and its history, without the applicant's
 * personal data (name, contacts, address, account), even where the texts repeat it, and without anything
 * a moderator redacted, and without what the personal-data detector finds in the subject, the text, the
 * answer and the clarifications (an IIN, a phone, an address, a card, a plate): none of it was written for
 * an auditor's eyes. A hidden appeal keeps its figures but not its words: subject, text and the
 * citizen's replies are withheld.
 */
export async function getAuditAppeal(db: Db, appealId: string) {
  const [row] = await db
    .select({
      id: appeals.id,
      number: appeals.number,
      kind: appeals.kind,
      category: appeals.category,
      status: appeals.status,
      region: appeals.region,
      channel: appeals.channel,
      subject: appeals.subject,
      text: appeals.text,
      filedAt: appeals.filedAt,
      dueAt: appeals.dueAt,
      answeredAt: appeals.answeredAt,
      forwardCount: appeals.forwardCount,
      complaintOfId: appeals.complaintOfId,
      body: {
        id: stateBodies.id,
        code: stateBodies.code,
        nameKk: stateBodies.nameKk,
        nameRu: stateBodies.nameRu,
        nameEn: stateBodies.nameEn,
      },
      visibility: appealPublications.visibility,
      redactions: appealPublications.redactions,
      subjectRedactions: appealPublications.subjectRedactions,
      answerRedactions: appealPublications.answerRedactions,
    })
    .from(appeals)
    .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
    .leftJoin(appealPublications, eq(appealPublications.appealId, appeals.id))
    .where(eq(appeals.id, appealId));
  if (!row) throw new DomainError("NOT_FOUND");
  const hidden = row.visibility === "hidden";
  const [answer] = await db
    .select({
      decision: appealAnswers.decision,
      text: appealAnswers.text,
      legalGrounds: appealAnswers.legalGrounds,
      answeredAt: appealAnswers.answeredAt,
      onTime: appealAnswers.onTime,
    })
    .from(appealAnswers)
    .where(eq(appealAnswers.appealId, appealId));
  const [rating] = await db
    .select({ outcome: appealRatings.outcome, quality: appealRatings.quality, heard: appealRatings.heard })
    .from(appealRatings)
    .where(eq(appealRatings.appealId, appealId));
  // Auditors read what was asked and answered, not who asked: the applicant's name and contacts are
  // taken out wherever the appeal's words or the body's answer repeat them.
  const applicant = await applicantOf(db, appealId);
  const { text, subject, redactions, subjectRedactions, answerRedactions, ...rest } = row;
  const quoted = redactedStrings([
    { text: subject, spans: subjectRedactions ?? [] },
    { text, spans: redactions ?? [] },
  ]);
  const clean = (s: string, reviewed: readonly { start: number; end: number }[] = []) =>
    withoutPersonalData(s, { names: applicant.names, reviewed, quoted }).flatMap((seg) =>
      "text" in seg ? withoutApplicant(seg.text, applicant) : [seg],
    ) as (PublicSegment | NameSegment)[];
  const plain = (s: string | null) =>
    s === null ? null : plainWithoutPersonalData(s, { names: applicant.names, quoted });
  const timeline = (await getTimeline(db, appealId)).map((e) =>
    hidden
      ? { ...e, question: null, reply: null }
      : { ...e, question: plain(e.question), reply: plain(e.reply) },
  );
  const answerSpans: AnswerRedactions = answerRedactions ?? {};
  return {
    ...rest,
    hidden,
    subject: hidden ? null : clean(subject, subjectRedactions ?? []),
    segments: hidden ? null : clean(text, redactions ?? []),
    answer: answer
      ? {
          ...answer,
          text: clean(answer.text, answerSpans.text),
          legalGrounds: clean(answer.legalGrounds, answerSpans.legalGrounds),
        }
      : null,
    rating: rating ?? null,
    timeline,
    clock: await getAppealClockFlags(db, appealId),
  };
}
