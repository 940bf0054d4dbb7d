import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealAnswers, appealPublications, appeals } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { DomainError } from "../errors";
import { notifyApplicant } from "../notifications/notify";
import { appendLogEntry } from "./append-log-entry";
import { changeVisibility, type PublicVisibility, type Redaction } from "./change-visibility";
import { signCheckpoint } from "./checkpoint";
import { assertNoConflict } from "./conflict-of-interest";
import { loadSigningKey } from "./log-signing-key";
import { pseudonymOf } from "./moderator-pseudonym";
import {
  type AnswerRedactions,
  checkAnswerRedactions,
  checkRedactions,
  countAnswerRedactions,
} from "./redactions";
import { buildStatement, type RedactedPart, type StatementInput } from "./statement-of-reasons";

export type ModerationDecision =
  | "publish"
  | "publish_redacted"
  | "decline"
  | "hide"
  | "restore"
  | "publish_answer";

// Which decision may follow which visibility, and what it leaves.
const RULES: Record<
  ModerationDecision,
  { from: readonly PublicVisibility[]; to: PublicVisibility | "as_before" }
> = {
  publish: { from: ["pending"], to: "published" },
  publish_redacted: { from: ["pending", "published", "published_redacted"], to: "published_redacted" },
  decline: { from: ["pending"], to: "declined" },
  hide: { from: ["published", "published_redacted"], to: "hidden" },
  restore: { from: ["hidden", "declined"], to: "as_before" },
  // The body's answer, written after the appeal was published, is public only once a moderator read it.
  publish_answer: { from: ["published", "published_redacted"], to: "as_before" },
};

/** The decisions a moderator may take on a publication as it stands. */
export const allowedDecisions = (
  visibility: PublicVisibility,
  o: { answerAwaitingReview: boolean } = { answerAwaitingReview: false },
): ModerationDecision[] =>
  (Object.keys(RULES) as ModerationDecision[]).filter(
    (d) => RULES[d].from.includes(visibility) && (d !== "publish_answer" || o.answerAwaitingReview),
  );

/** The parts a set of redactions touches, for the statement of reasons. */
export function redactedParts(o: {
  text: readonly unknown[];
  subject: readonly unknown[];
  answer: AnswerRedactions;
}): RedactedPart[] {
  const parts: RedactedPart[] = [];
  if (o.subject.length) parts.push("subject");
  if (o.text.length) parts.push("text");
  if (countAnswerRedactions(o.answer)) parts.push("answer");
  return parts;
}

/**
 * A moderator's decision on what the public sees of an appeal. Moderation governs publication only:
 * the appeal reached its body when filed, and nothing here touches its status or deadline.
 */
export async function moderateAppeal(
  db: Db,
  o: {
    appealId: string;
    moderator: SessionUser;
    decision: ModerationDecision;
    redactions?: Redaction[];
    subjectRedactions?: Redaction[];
    answerRedactions?: AnswerRedactions;
    statement?: StatementInput | null;
    now?: Date;
  },
) {
  const now = o.now ?? new Date();
  const entry = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ appeal: appeals, publication: appealPublications })
      .from(appealPublications)
      .innerJoin(appeals, eq(appeals.id, appealPublications.appealId))
      .where(eq(appealPublications.appealId, o.appealId))
      .for("update");
    if (!row) throw new DomainError("NOT_FOUND");
    const { appeal, publication } = row;
    // A moderator who works in the body an appeal is addressed to, above or below it, or in the body a
    // complaint is about, must not decide what the public sees of it.
    await assertNoConflict(tx, { moderator: o.moderator, appealId: appeal.id });
    const [answer] = await tx
      .select({
        text: appealAnswers.text,
        legalGrounds: appealAnswers.legalGrounds,
        appealRights: appealAnswers.appealRights,
      })
      .from(appealAnswers)
      .where(eq(appealAnswers.appealId, appeal.id));
    const answerAwaitingReview = Boolean(answer) && publication.answerLogSeq === null;
    if (!allowedDecisions(publication.visibility, { answerAwaitingReview }).includes(o.decision))
      throw new DomainError("BAD_TRANSITION");
    const rule = RULES[o.decision];
    const moderator = { id: o.moderator.id, pseudonym: await pseudonymOf(tx, o.moderator.id) };

    // Redactions are checked against the words they cover; the subject and the answer are reviewed like the text.
    const redacting = o.decision === "publish_redacted";
    const text = redacting ? checkRedactions(appeal.text, o.redactions ?? []) : publication.redactions;
    const subject = redacting
      ? checkRedactions(appeal.subject, o.subjectRedactions ?? [])
      : publication.subjectRedactions;
    const answerSpans = checkAnswerRedactions(answer ?? null, o.answerRedactions ?? {});
    if (o.decision === "publish" && (o.redactions?.length || o.subjectRedactions?.length))
      throw new DomainError("BAD_REDACTION");
    if (!redacting && o.decision !== "publish_answer" && countAnswerRedactions(answerSpans) > 0)
      throw new DomainError("BAD_REDACTION");
    if (redacting && text.length + subject.length + countAnswerRedactions(answerSpans) === 0)
      throw new DomainError("BAD_REDACTION");
    const parts = redactedParts({
      text: o.decision === "publish_answer" ? [] : text,
      subject: o.decision === "publish_answer" ? [] : subject,
      answer: answerSpans,
    });
    // Publishing as submitted, or an answer without redactions, needs no reasons; every restriction does.
    const needsStatement =
      o.decision === "publish_answer" ? countAnswerRedactions(answerSpans) > 0 : o.decision !== "publish";
    if (needsStatement && !o.statement) throw new DomainError("STATEMENT_REQUIRED");
    const statement =
      o.statement && needsStatement && o.decision !== "publish"
        ? buildStatement(o.decision, {
            ...o.statement,
            appealNumber: appeal.number,
            now,
            redactedParts:
              o.decision === "decline" || o.decision === "hide" || o.decision === "restore" ? [] : parts,
          })
        : null;

    if (o.decision === "publish_answer") {
      const entry = await appendLogEntry(tx, {
        appealId: appeal.id,
        appealNumber: appeal.number,
        action: "publish_answer",
        statement,
        moderator,
        privateFacts: [moderator.id, appeal.authorId ?? "anonymous"],
        now,
      });
      await tx
        .update(appealPublications)
        .set({ answerRedactions: answerSpans, answerLogSeq: entry.seq })
        .where(eq(appealPublications.appealId, appeal.id));
      return entry;
    }

    const anyRedaction = text.length + subject.length > 0;
    const visibility =
      rule.to === "as_before" ? (anyRedaction ? "published_redacted" : "published") : rule.to;
    const publishing = o.decision === "publish" || redacting;
    const logged = await changeVisibility(tx, {
      appeal,
      action: o.decision,
      visibility,
      redactions: o.decision === "publish" ? [] : text,
      subjectRedactions: o.decision === "publish" ? [] : subject,
      // Publishing covers the answer when there is one by then; later answers wait for publish_answer.
      reviewsAnswer: publishing && Boolean(answer),
      answerRedactions: answerSpans,
      statement,
      moderator,
      now,
    });
    await notifyApplicant(tx, {
      appeal,
      type: "moderation_decision",
      values: {
        decision: { message: `decision.${o.decision}` },
        reason: o.statement ? { message: `ground.${o.statement.ground}` } : "—",
      },
    });
    return logged;
  });
  await signCheckpoint(db, loadSigningKey(), now);
  return entry;
}
