import { desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealPublications, appeals, moderationContests, moderationLog } from "@/db/schema";
import { DomainError } from "../errors";
import type { LogEntryContent } from "./append-log-entry";
import { CONTEST_OUTCOMES, CONTESTABLE } from "./contest-decision";

/**
 * What the author of an appeal is told about its publication: where it stands, the decision that put it
 * there with its statement of reasons, and their contest, if any. Null when they did not allow publication.
 */
export async function getPublicationForAuthor(db: Db, o: { appealId: string; citizenId: string }) {
  const [row] = await db
    .select({
      authorId: appeals.authorId,
      visibility: appealPublications.visibility,
      logSeq: appealPublications.logSeq,
      redactions: appealPublications.redactions,
    })
    .from(appeals)
    .leftJoin(appealPublications, eq(appealPublications.appealId, appeals.id))
    .where(eq(appeals.id, o.appealId));
  if (!row || row.authorId !== o.citizenId) throw new DomainError("NOT_FOUND");
  if (!row.visibility) return null;

  const [contest] = await db
    .select({
      status: moderationContests.status,
      reason: moderationContests.reason,
      contestedSeq: moderationContests.contestedSeq,
      decidedSeq: moderationContests.decidedSeq,
      createdAt: moderationContests.createdAt,
    })
    .from(moderationContests)
    .where(eq(moderationContests.appealId, o.appealId))
    .orderBy(desc(moderationContests.createdAt))
    .limit(1);
  const seqs = [row.logSeq, contest?.contestedSeq, contest?.decidedSeq].filter(
    (s): s is number => typeof s === "number",
  );
  const entries = seqs.length
    ? await db
        .select({ seq: moderationLog.seq, canonical: moderationLog.canonical, at: moderationLog.createdAt })
        .from(moderationLog)
        .where(inArray(moderationLog.seq, seqs))
    : [];
  const entry = (seq: number | null | undefined) => {
    const found = entries.find((e) => e.seq === seq);
    if (!found) return null;
    const content = JSON.parse(found.canonical) as LogEntryContent;
    return { seq: found.seq, action: content.action, statement: content.statement, at: found.at };
  };

  return {
    visibility: row.visibility,
    redactions: row.redactions?.length ?? 0,
    decision: entry(row.logSeq),
    contest: contest
      ? {
          status: contest.status,
          reason: contest.reason,
          createdAt: contest.createdAt,
          contested: entry(contest.contestedSeq),
          outcome: entry(contest.decidedSeq),
        }
      : null,
    // Each decision may be contested once; a contest's own outcome is not contested again.
    canContest:
      row.logSeq !== null &&
      (CONTESTABLE as readonly string[]).includes(row.visibility) &&
      contest?.status !== "open" &&
      contest?.contestedSeq !== row.logSeq &&
      !CONTEST_OUTCOMES.includes(entry(row.logSeq)?.action ?? ""),
  };
}

export type PublicationForAuthor = Awaited<ReturnType<typeof getPublicationForAuthor>>;
