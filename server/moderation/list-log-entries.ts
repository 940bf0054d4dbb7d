import { and, desc, eq, lt, max, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealPublications, moderationContests, moderationLog } from "@/db/schema";
import type { PublicLogContent } from "./append-log-entry";

export const LOG_LIST_PAGE_SIZE = 50;

/**
 * A page of the public log for reading, newest first: each entry's public content, whether its appeal is
 * public now (so its page may be linked), and how a contest of it ended. Nothing of the appeal's text.
 */
export async function listLogEntries(db: Db, o: { before?: number | null }) {
  const where: SQL | undefined = o.before ? lt(moderationLog.seq, o.before) : undefined;
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
    .leftJoin(appealPublications, eq(appealPublications.appealId, moderationLog.appealId))
    .leftJoin(
      moderationContests,
      and(
        eq(moderationContests.appealId, moderationLog.appealId),
        eq(moderationContests.contestedSeq, moderationLog.seq),
      ),
    )
    .where(where)
    .orderBy(desc(moderationLog.seq))
    .limit(LOG_LIST_PAGE_SIZE);
  const [last] = await db.select({ seq: max(moderationLog.seq) }).from(moderationLog);

  return {
    entries: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      content: JSON.parse(r.canonical) as PublicLogContent,
      appealIsPublic: r.visibility === "published" || r.visibility === "published_redacted",
      contest: r.contestStatus ? { status: r.contestStatus, decidedSeq: r.contestDecidedSeq } : null,
    })),
    total: Number(last?.seq ?? 0),
  };
}

export type LogEntriesPage = Awaited<ReturnType<typeof listLogEntries>>;
