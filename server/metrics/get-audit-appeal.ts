import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealAnswers, appealPublications, appealRatings, appeals, stateBodies } from "@/db/schema";
import { getTimeline } from "../appeals/get-timeline";
import { DomainError } from "../errors";
import { type PublicSegment, publicSegments } from "../moderation/redactions";

/**
 * One appeal as an auditor reads it: its content, the answer and its history, without the applicant's
 * personal data (name, contacts, address, account) and without anything a moderator redacted. A hidden
 * appeal keeps its figures but not its words: subject, text and the citizen's replies are withheld.
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
  const timeline = (await getTimeline(db, appealId)).map((e) =>
    hidden ? { ...e, question: null, reply: null } : e,
  );
  const { text, subject, redactions, ...rest } = row;
  const segments: PublicSegment[] | null = hidden ? null : publicSegments(text, redactions ?? []);
  return {
    ...rest,
    hidden,
    subject: hidden ? null : subject,
    segments,
    answer: answer ?? null,
    rating: rating ?? null,
    timeline,
  };
}
