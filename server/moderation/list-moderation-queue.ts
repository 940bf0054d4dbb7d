import { and, asc, count, eq, isNull, ne, or, type SQL } from "drizzle-orm";
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
import { withoutConflict } from "./conflict-of-interest";

export const QUEUE_PAGE_SIZE = 50;

const bodyColumns = { nameKk: stateBodies.nameKk, nameRu: stateBodies.nameRu, nameEn: stateBodies.nameEn };

/**
 * What waits for this moderator: publications not yet decided, oldest first; answers written since an
 * appeal was published, which the public reads only once reviewed; and open contests, oldest first. A
 * moderator who works in a body never sees appeals to it, to the bodies above or below it, or complaints
 * about it, and never a contest of their own decision: another moderator must decide those.
 */
export async function listModerationQueue(db: Db, o: { moderator: SessionUser }) {
  const notOwnBody: SQL | undefined = withoutConflict(o.moderator);
  const pendingWhere = and(eq(appealPublications.visibility, "pending"), notOwnBody);

  const pending = await db
    .select({
      appealId: appeals.id,
      number: appeals.number,
      subject: appeals.subject,
      kind: appeals.kind,
      category: appeals.category,
      submittedAt: appealPublications.submittedAt,
      body: bodyColumns,
    })
    .from(appealPublications)
    .innerJoin(appeals, eq(appeals.id, appealPublications.appealId))
    .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
    .where(pendingWhere)
    .orderBy(asc(appealPublications.submittedAt), asc(appeals.number))
    .limit(QUEUE_PAGE_SIZE);
  const [pendingCount] = await db
    .select({ n: count() })
    .from(appealPublications)
    .innerJoin(appeals, eq(appeals.id, appealPublications.appealId))
    .where(pendingWhere);

  const answers = await db
    .select({
      appealId: appeals.id,
      number: appeals.number,
      subject: appeals.subject,
      kind: appeals.kind,
      category: appeals.category,
      answeredAt: appealAnswers.answeredAt,
      body: bodyColumns,
    })
    .from(appealPublications)
    .innerJoin(appeals, eq(appeals.id, appealPublications.appealId))
    .innerJoin(appealAnswers, eq(appealAnswers.appealId, appeals.id))
    .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
    .where(
      and(
        or(
          eq(appealPublications.visibility, "published"),
          eq(appealPublications.visibility, "published_redacted"),
        ),
        isNull(appealPublications.answerLogSeq),
        notOwnBody,
      ),
    )
    .orderBy(asc(appealAnswers.answeredAt), asc(appeals.number))
    .limit(QUEUE_PAGE_SIZE);

  const contests = await db
    .select({
      appealId: appeals.id,
      number: appeals.number,
      subject: appeals.subject,
      contestedSeq: moderationContests.contestedSeq,
      contestedAction: moderationLog.action,
      reason: moderationContests.reason,
      contestedAt: moderationContests.createdAt,
      body: bodyColumns,
    })
    .from(moderationContests)
    .innerJoin(appeals, eq(appeals.id, moderationContests.appealId))
    .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
    .innerJoin(moderationLog, eq(moderationLog.seq, moderationContests.contestedSeq))
    .where(
      and(
        eq(moderationContests.status, "open"),
        // A decision made by nobody known (null) may be judged by anyone.
        or(ne(moderationLog.moderatorId, o.moderator.id), isNull(moderationLog.moderatorId)),
        notOwnBody,
      ),
    )
    .orderBy(asc(moderationContests.createdAt), asc(appeals.number));

  return { pending, pendingTotal: pendingCount?.n ?? 0, answers, contests };
}

export type ModerationQueue = Awaited<ReturnType<typeof listModerationQueue>>;
