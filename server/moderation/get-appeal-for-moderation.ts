import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealPublications, appeals, moderationContests, moderationLog, stateBodies } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { DomainError } from "../errors";
import type { LogEntryContent } from "./append-log-entry";
import { allowedDecisions } from "./moderate-appeal";

/**
 * An appeal whose author allowed publication, as a moderator needs it to decide: the subject and the
 * text they must read, where it stands, and every earlier decision on it. Never the applicant's name or
 * contacts, which are not the public's and not the moderator's business; appeals without consent to
 * publication are not found at all.
 */
export async function getAppealForModeration(db: Db, o: { appealId: string; moderator: SessionUser }) {
  const [row] = await db
    .select({
      appeal: {
        id: appeals.id,
        number: appeals.number,
        kind: appeals.kind,
        category: appeals.category,
        region: appeals.region,
        subject: appeals.subject,
        text: appeals.text,
        filedAt: appeals.filedAt,
        bodyId: appeals.bodyId,
      },
      body: { nameKk: stateBodies.nameKk, nameRu: stateBodies.nameRu, nameEn: stateBodies.nameEn },
      publication: {
        visibility: appealPublications.visibility,
        redactions: appealPublications.redactions,
        submittedAt: appealPublications.submittedAt,
        changedAt: appealPublications.changedAt,
        logSeq: appealPublications.logSeq,
      },
    })
    .from(appealPublications)
    .innerJoin(appeals, eq(appeals.id, appealPublications.appealId))
    .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
    .where(eq(appealPublications.appealId, o.appealId));
  if (!row) throw new DomainError("NOT_FOUND");
  if (o.moderator.bodyId && o.moderator.bodyId === row.appeal.bodyId)
    throw new DomainError("CONFLICT_OF_INTEREST");

  const entries = await db
    .select({
      seq: moderationLog.seq,
      canonical: moderationLog.canonical,
      moderatorId: moderationLog.moderatorId,
      createdAt: moderationLog.createdAt,
    })
    .from(moderationLog)
    .where(eq(moderationLog.appealId, o.appealId))
    .orderBy(asc(moderationLog.seq));
  const [contest] = await db
    .select({
      status: moderationContests.status,
      reason: moderationContests.reason,
      contestedSeq: moderationContests.contestedSeq,
      decidedSeq: moderationContests.decidedSeq,
      createdAt: moderationContests.createdAt,
    })
    .from(moderationContests)
    .where(eq(moderationContests.appealId, o.appealId));
  const contestedBy = contest && entries.find((e) => e.seq === contest.contestedSeq)?.moderatorId;

  return {
    appeal: row.appeal,
    body: row.body,
    publication: row.publication,
    history: entries.map((e) => {
      const content = JSON.parse(e.canonical) as LogEntryContent;
      return {
        seq: e.seq,
        action: content.action,
        statement: content.statement,
        moderator: content.moderator,
        byViewer: e.moderatorId === o.moderator.id,
        at: e.createdAt,
      };
    }),
    contest: contest ?? null,
    decisions: allowedDecisions(row.publication.visibility),
    // The one who made the contested decision does not judge it.
    canDecideContest: contest?.status === "open" && contestedBy !== o.moderator.id,
  };
}

export type AppealForModeration = Awaited<ReturnType<typeof getAppealForModeration>>;
