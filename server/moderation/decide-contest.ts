import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealAnswers, appealPublications, appeals, moderationContests, moderationLog } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { DomainError } from "../errors";
import { notifyApplicant } from "../notifications/notify";
import { appendLogEntry } from "./append-log-entry";
import { changeVisibility, type Redaction } from "./change-visibility";
import { signCheckpoint } from "./checkpoint";
import { assertNoConflict } from "./conflict-of-interest";
import { loadSigningKey } from "./log-signing-key";
import { redactedParts } from "./moderate-appeal";
import { pseudonymOf } from "./moderator-pseudonym";
import {
  type AnswerRedactions,
  checkAnswerRedactions,
  checkRedactions,
  countAnswerRedactions,
} from "./redactions";
import { buildStatement, type StatementInput } from "./statement-of-reasons";

/**
 * A different moderator decides a contest. Reversing lifts the contested restriction (the appeal is
 * published as submitted); amending publishes it with the redactions this moderator sets, so a contest
 * need not be all or nothing; upholding leaves it. Each outcome is a log entry of its own.
 */
export async function decideContest(
  db: Db,
  o: {
    appealId: string;
    moderator: SessionUser;
    outcome: "upheld" | "reversed" | "amended";
    redactions?: Redaction[];
    subjectRedactions?: Redaction[];
    answerRedactions?: AnswerRedactions;
    statement: StatementInput;
    now?: Date;
  },
) {
  const now = o.now ?? new Date();
  const entry = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ contest: moderationContests, appeal: appeals, decidedBy: moderationLog.moderatorId })
      .from(moderationContests)
      .innerJoin(appeals, eq(appeals.id, moderationContests.appealId))
      .innerJoin(moderationLog, eq(moderationLog.seq, moderationContests.contestedSeq))
      .where(and(eq(moderationContests.appealId, o.appealId), eq(moderationContests.status, "open")))
      .for("update", { of: moderationContests });
    if (!row) throw new DomainError("NOT_FOUND");
    if (row.decidedBy === o.moderator.id) throw new DomainError("SAME_MODERATOR");
    await assertNoConflict(tx, { moderator: o.moderator, appealId: row.appeal.id });

    const action = `contest_${o.outcome}` as const;
    const moderator = { id: o.moderator.id, pseudonym: await pseudonymOf(tx, o.moderator.id) };
    const [answer] = await tx
      .select({
        text: appealAnswers.text,
        legalGrounds: appealAnswers.legalGrounds,
        appealRights: appealAnswers.appealRights,
      })
      .from(appealAnswers)
      .where(eq(appealAnswers.appealId, row.appeal.id));
    const [publication] = await tx
      .select({ answerLogSeq: appealPublications.answerLogSeq })
      .from(appealPublications)
      .where(eq(appealPublications.appealId, row.appeal.id));
    const amended = o.outcome === "amended";
    const text = amended ? checkRedactions(row.appeal.text, o.redactions ?? []) : [];
    const subject = amended ? checkRedactions(row.appeal.subject, o.subjectRedactions ?? []) : [];
    const answerSpans = amended ? checkAnswerRedactions(answer ?? null, o.answerRedactions ?? {}) : {};
    if (amended && text.length + subject.length + countAnswerRedactions(answerSpans) === 0)
      throw new DomainError("BAD_REDACTION");
    const statement = buildStatement(action, {
      ...o.statement,
      appealNumber: row.appeal.number,
      now,
      redactedParts: redactedParts({ text, subject, answer: answerSpans }),
    });
    const contest = { of: row.contest.contestedSeq, reason_given: row.contest.reason.trim().length > 0 };
    const logged =
      o.outcome !== "upheld"
        ? await changeVisibility(tx, {
            appeal: row.appeal,
            action,
            visibility: amended ? "published_redacted" : "published",
            redactions: text,
            subjectRedactions: subject,
            answerRedactions: answerSpans,
            // A reversal publishes the answer as written only if it was reviewed already; amending reviews it.
            reviewsAnswer: Boolean(answer) && (amended || publication?.answerLogSeq !== null),
            statement,
            moderator,
            contest,
            now,
          })
        : await appendLogEntry(tx, {
            appealId: row.appeal.id,
            appealNumber: row.appeal.number,
            action,
            statement,
            moderator,
            contest,
            privateFacts: [moderator.id, row.appeal.authorId ?? "anonymous"],
            now,
          });
    await tx
      .update(moderationContests)
      .set({ status: o.outcome, decidedSeq: logged.seq })
      .where(eq(moderationContests.contestedSeq, row.contest.contestedSeq));
    await notifyApplicant(tx, {
      appeal: row.appeal,
      type: "contest_decided",
      values: { decision: { message: `decision.${action}` } },
    });
    return logged;
  });
  await signCheckpoint(db, loadSigningKey(), now);
  return entry;
}
