import { count, desc, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealPublications, appeals, moderationContests, moderationLog, stateBodies } from "@/db/schema";
import type { ModerationAction } from "./append-log-entry";
import type { ModerationGround, SourceType } from "./statement-of-reasons";

// Actions that keep something from the public; restoring, publishing and reversals lift restrictions. A
// contest ending in redactions, and an answer published with some, keep parts back too.
const RESTRICTING = sql`(${moderationLog.action} in ('publish_redacted', 'decline', 'hide', 'contest_amended')
  or (${moderationLog.action} = 'publish_answer' and (${moderationLog.canonical}::jsonb)->'statement' <> 'null'::jsonb))`;
const content = sql`(${moderationLog.canonical}::jsonb)`;
const ground = sql<ModerationGround | null>`${content} -> 'statement' ->> 'tyndau_ground'`;
const sourceType = sql<SourceType | null>`${content} -> 'statement' ->> 'source_type'`;
const pseudonym = sql<string>`${content} ->> 'moderator'`;
const countWhere = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;

/**
 * The figures the public log page shows, each computed by the database from the log itself and the
 * publications: how often each reason is given, where and by whom, what share of submissions the public
 * never sees, how long moderation takes, and how often a contested decision falls.
 */
export async function logFigures(db: Db) {
  const perGround = await db
    .select({ ground, actions: sql<number>`count(*)::int` })
    .from(moderationLog)
    // Grading rounds' entries decide nothing about an appeal: they are not moderation actions.
    .where(isNotNull(moderationLog.appealId))
    .groupBy(ground)
    .orderBy(desc(count()), sql`${ground} asc nulls last`);

  const perBody = await db
    .select({
      bodyId: stateBodies.id,
      nameKk: stateBodies.nameKk,
      nameRu: stateBodies.nameRu,
      nameEn: stateBodies.nameEn,
      actions: sql<number>`count(*)::int`,
      restrictions: countWhere(RESTRICTING),
    })
    .from(moderationLog)
    .innerJoin(appeals, eq(appeals.id, moderationLog.appealId))
    .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
    .groupBy(stateBodies.id)
    .orderBy(desc(count()), stateBodies.nameEn);

  const perModerator = await db
    .select({
      pseudonym,
      actions: sql<number>`count(*)::int`,
      restrictions: countWhere(RESTRICTING),
      reversedOnContest: countWhere(sql`${moderationContests.status} = 'reversed'`),
    })
    .from(moderationLog)
    .leftJoin(moderationContests, eq(moderationContests.contestedSeq, moderationLog.seq))
    .where(isNotNull(moderationLog.appealId))
    .groupBy(pseudonym)
    .orderBy(desc(count()), pseudonym);

  // A state body or a court asking for a restriction is the gatekeeping this log exists to show.
  const requestedByState = await db
    .select({
      seq: moderationLog.seq,
      appealNumber: sql<string>`${content} ->> 'appeal'`,
      action: sql<ModerationAction>`${moderationLog.action}`,
      sourceType: sql<SourceType>`${sourceType}`,
      sourceIdentity: sql<string | null>`${content} -> 'statement' ->> 'source_identity'`,
      at: moderationLog.createdAt,
      body: { nameKk: stateBodies.nameKk, nameRu: stateBodies.nameRu, nameEn: stateBodies.nameEn },
    })
    .from(moderationLog)
    .innerJoin(appeals, eq(appeals.id, moderationLog.appealId))
    .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
    .where(sql`${sourceType} in ('SOURCE_STATE_BODY', 'SOURCE_COURT')`)
    .orderBy(desc(moderationLog.seq));

  const [submissions] = await db
    .select({
      total: sql<number>`count(*)::int`,
      declinedOrHidden: countWhere(sql`${appealPublications.visibility} in ('declined', 'hidden')`),
    })
    .from(appealPublications);

  const firstActions = db
    .select({
      appealId: moderationLog.appealId,
      firstAt: sql`min(${moderationLog.createdAt})`.as("first_at"),
    })
    .from(moderationLog)
    .where(isNotNull(moderationLog.appealId))
    .groupBy(moderationLog.appealId)
    .as("first_actions");
  const [timeToModeration] = await db
    .select({
      moderated: sql<number>`count(*)::int`,
      medianSeconds: sql<
        number | null
      >`(percentile_cont(0.5) within group (order by extract(epoch from ${firstActions.firstAt} - ${appealPublications.submittedAt})))::float8`,
    })
    .from(appealPublications)
    .innerJoin(firstActions, eq(firstActions.appealId, appealPublications.appealId));

  const [contests] = await db
    .select({
      open: countWhere(sql`${moderationContests.status} = 'open'`),
      decided: countWhere(sql`${moderationContests.status} <> 'open'`),
      reversed: countWhere(sql`${moderationContests.status} = 'reversed'`),
    })
    .from(moderationContests);

  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return {
    totalActions: perGround.reduce((sum, g) => sum + g.actions, 0),
    perGround,
    perBody,
    perModerator,
    requestedByState,
    submissions: {
      total: submissions?.total ?? 0,
      declinedOrHidden: submissions?.declinedOrHidden ?? 0,
      share: share(submissions?.declinedOrHidden ?? 0, submissions?.total ?? 0),
    },
    timeToModeration: {
      moderated: timeToModeration?.moderated ?? 0,
      medianSeconds: timeToModeration?.medianSeconds ?? null,
    },
    contests: {
      open: contests?.open ?? 0,
      decided: contests?.decided ?? 0,
      reversed: contests?.reversed ?? 0,
      share: share(contests?.reversed ?? 0, contests?.decided ?? 0),
    },
  };
}

export type LogFigures = Awaited<ReturnType<typeof logFigures>>;
