import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals, moderationContests, moderationLog } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { DomainError } from "../errors";
import { notifyApplicant } from "../notifications/notify";
import { appendLogEntry } from "./append-log-entry";
import { changeVisibility } from "./change-visibility";
import { signCheckpoint } from "./checkpoint";
import { loadSigningKey } from "./log-signing-key";
import { pseudonymOf } from "./moderator-pseudonym";
import { buildStatement, type StatementInput } from "./statement-of-reasons";

/**
 * A different moderator decides a contest. Reversing lifts the contested restriction (the appeal is
 * published as submitted); upholding leaves it. Either way the outcome is a log entry of its own.
 */
export async function decideContest(
  db: Db,
  o: {
    appealId: string;
    moderator: SessionUser;
    outcome: "upheld" | "reversed";
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
    if (o.moderator.bodyId && o.moderator.bodyId === row.appeal.bodyId)
      throw new DomainError("CONFLICT_OF_INTEREST");

    const action = o.outcome === "reversed" ? "contest_reversed" : "contest_upheld";
    const moderator = { id: o.moderator.id, pseudonym: await pseudonymOf(tx, o.moderator.id) };
    const statement = buildStatement(action, { ...o.statement, appealNumber: row.appeal.number, now });
    const contest = { of: row.contest.contestedSeq, reason_given: row.contest.reason.trim().length > 0 };
    const logged =
      o.outcome === "reversed"
        ? await changeVisibility(tx, {
            appeal: row.appeal,
            action,
            visibility: "published",
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
      .where(eq(moderationContests.appealId, o.appealId));
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
