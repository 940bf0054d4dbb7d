import { and, asc, count, eq, isNull, ne, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealPublications, appeals, moderationContests, moderationLog, stateBodies } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";

export const QUEUE_PAGE_SIZE = 50;

const bodyColumns = { nameKk: stateBodies.nameKk, nameRu: stateBodies.nameRu, nameEn: stateBodies.nameEn };

/**
 * What waits for this moderator: publications not yet decided, oldest first, and open contests, oldest
 * first. A moderator who works in a body never sees appeals to it, and never a contest of their own
 * decision: another moderator must decide those.
 */
export async function listModerationQueue(db: Db, o: { moderator: SessionUser }) {
  const notOwnBody: SQL | undefined = o.moderator.bodyId ? ne(appeals.bodyId, o.moderator.bodyId) : undefined;
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

  return { pending, pendingTotal: pendingCount?.n ?? 0, contests };
}

export type ModerationQueue = Awaited<ReturnType<typeof listModerationQueue>>;
