import { and, asc, count, desc, eq, gt, lt, max, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealPublications, appeals, moderationContests, moderationLog } from "@/db/schema";
import type { PublicLogContent } from "./append-log-entry";
import type { ModerationGround } from "./statement-of-reasons";

export const LOG_LIST_PAGE_SIZE = 50;

/**
 * What a reader may narrow the log to: the body an appeal is addressed to, the ground, one appeal. The
 * appeals are joined on the left: grading rounds' entries are about no appeal and stay in the whole log.
 */
export type LogFilters = {
  /** The id of the body the appeal is addressed to now. */
  body?: string | null;
  ground?: ModerationGround | null;
  /** An appeal's number, as on its receipt. */
  appeal?: string | null;
};

const isFiltered = (f: LogFilters) => Boolean(f.body || f.ground || f.appeal);

function filterConditions(f: LogFilters): SQL[] {
  return [
    ...(f.body ? [eq(appeals.bodyId, f.body)] : []),
    // The ground is part of the hashed entry itself, never a column someone could change apart from it.
    ...(f.ground
      ? [sql`(${moderationLog.canonical}::jsonb -> 'statement' ->> 'tyndau_ground') = ${f.ground}`]
      : []),
    ...(f.appeal ? [eq(appeals.number, f.appeal.trim().toUpperCase())] : []),
  ];
}

/**
 * A page of the public log for reading, newest first, narrowed by `filters`: each entry's public content,
 * whether its appeal is public now (so its page may be linked), and how a contest of it ended. Nothing of
 * the appeal's text. `newerBefore` is the `before` of the page of newer entries, null on the newest.
 */
export async function listLogEntries(db: Db, o: { before?: number | null } & LogFilters) {
  const filters = filterConditions(o);
  const rows = await db
    .select({
      seq: moderationLog.seq,
      canonical: moderationLog.canonical,
      at: moderationLog.createdAt,
      visibility: appealPublications.visibility,
      contestStatus: moderationContests.status,
      contestDecidedSeq: moderationContests.decidedSeq,
    })
    .from(moderationLog)
    .leftJoin(appeals, eq(appeals.id, moderationLog.appealId))
    .leftJoin(appealPublications, eq(appealPublications.appealId, moderationLog.appealId))
    .leftJoin(
      moderationContests,
      and(
        eq(moderationContests.appealId, moderationLog.appealId),
        eq(moderationContests.contestedSeq, moderationLog.seq),
      ),
    )
    .where(and(...filters, ...(o.before ? [lt(moderationLog.seq, o.before)] : [])))
    .orderBy(desc(moderationLog.seq))
    .limit(LOG_LIST_PAGE_SIZE);

  const newest = rows[0]?.seq;
  const newer =
    newest === undefined
      ? []
      : await db
          .select({ seq: moderationLog.seq })
          .from(moderationLog)
          .leftJoin(appeals, eq(appeals.id, moderationLog.appealId))
          .where(and(...filters, gt(moderationLog.seq, newest)))
          .orderBy(asc(moderationLog.seq))
          .limit(LOG_LIST_PAGE_SIZE);
  const newerEnd = newer.at(-1)?.seq;

  // Unfiltered, the newest entry's number is how many there are; filtered, they are counted.
  const [total] = isFiltered(o)
    ? await db
        .select({ n: count() })
        .from(moderationLog)
        .leftJoin(appeals, eq(appeals.id, moderationLog.appealId))
        .where(and(...filters))
    : await db.select({ n: max(moderationLog.seq) }).from(moderationLog);

  return {
    entries: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      content: JSON.parse(r.canonical) as PublicLogContent,
      appealIsPublic: r.visibility === "published" || r.visibility === "published_redacted",
      contest: r.contestStatus ? { status: r.contestStatus, decidedSeq: r.contestDecidedSeq } : null,
    })),
    total: Number(total?.n ?? 0),
    newerBefore: newerEnd === undefined ? null : newerEnd + 1,
  };
}

export type LogEntriesPage = Awaited<ReturnType<typeof listLogEntries>>;
