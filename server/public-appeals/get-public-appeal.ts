import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  appealAnswers,
  appealPublications,
  appealRatings,
  appealSupports,
  appeals,
  moderationLog,
  stateBodies,
} from "@/db/schema";
import { appealNumberOf } from "../appeals/open-id";
import type { SessionUser } from "../auth/sessions";
import { DomainError } from "../errors";
import type { LogEntryContent } from "../moderation/append-log-entry";
import type { ModerationGround } from "../moderation/statement-of-reasons";
import { applicantOf } from "./applicant-of";
import { isPublic, publicAppealColumns, toPublicAppeal } from "./public-appeal-view";

// The log actions after which an appeal stood public: an appeal that once was keeps a tombstone.
const MADE_PUBLIC = ["publish", "publish_redacted", "restore", "contest_reversed"] as const;

export type Tombstone = {
  hidden: true;
  number: string;
  hiddenOn: Date;
  ground: ModerationGround | null;
  logSeq: number;
};

/**
 * A public appeal by its number. One that was public and is no longer becomes a tombstone: when, why,
 * and the log entry that says so, with nothing of its content. One never public is not there at all.
 * `viewer` only adds what that viewer may do (support it, or see that it is their own).
 */
export async function getPublicAppeal(
  db: Db,
  o: { number: string; viewer?: SessionUser | null; now?: Date },
) {
  const now = o.now ?? new Date();
  // The ASCII id (JT-2026-000314) names the appeal as well as its number does (open-id.ts).
  const number = appealNumberOf(o.number) ?? o.number;
  const [publication] = await db
    .select({
      appealId: appeals.id,
      visibility: appealPublications.visibility,
      logSeq: appealPublications.logSeq,
    })
    .from(appealPublications)
    .innerJoin(appeals, eq(appeals.id, appealPublications.appealId))
    .where(eq(appeals.number, number));
  if (!publication) throw new DomainError("NOT_FOUND");

  const [row] = await db
    .select(publicAppealColumns(now))
    .from(appeals)
    .innerJoin(appealPublications, eq(appealPublications.appealId, appeals.id))
    .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
    .where(and(eq(appeals.id, publication.appealId), isPublic));
  if (!row) return { hidden: true as const, ...(await tombstoneOf(db, publication, number)) };

  const [answer] = await db.select().from(appealAnswers).where(eq(appealAnswers.appealId, row.id));
  const [rating] = await db.select().from(appealRatings).where(eq(appealRatings.appealId, row.id));
  const moderation = await db
    .select({ seq: moderationLog.seq, action: moderationLog.action, createdAt: moderationLog.createdAt })
    .from(moderationLog)
    .where(eq(moderationLog.appealId, row.id))
    .orderBy(asc(moderationLog.seq));
  const [author] = await db
    .select({ authorId: appeals.authorId })
    .from(appeals)
    .where(eq(appeals.id, row.id));
  const applicant = await applicantOf(db, row.id);

  const viewer = o.viewer ?? null;
  const supported =
    viewer?.role === "citizen"
      ? (
          await db
            .select({ userId: appealSupports.userId })
            .from(appealSupports)
            .where(and(eq(appealSupports.appealId, row.id), eq(appealSupports.userId, viewer.id)))
        ).length > 0
      : false;

  return {
    hidden: false as const,
    appeal: toPublicAppeal(row, {
      answer: answer ?? null,
      rating: rating ?? null,
      moderation,
      applicantNames: applicant.names,
      applicantContacts: applicant.contacts,
    }),
    viewer: viewer
      ? {
          own: author?.authorId === viewer.id,
          supported,
          // "Me too" is for other citizens: the author's own support would only inflate the count.
          canSupport: viewer.role === "citizen" && author?.authorId !== viewer.id && !supported,
        }
      : null,
  };
}

async function tombstoneOf(
  db: Db,
  publication: { appealId: string; logSeq: number | null },
  number: string,
): Promise<Omit<Tombstone, "hidden">> {
  const [once] = await db
    .select({ seq: moderationLog.seq })
    .from(moderationLog)
    .where(and(eq(moderationLog.appealId, publication.appealId), inArray(moderationLog.action, MADE_PUBLIC)))
    .limit(1);
  if (!once || publication.logSeq === null) throw new DomainError("NOT_FOUND");
  const [entry] = await db
    .select({ canonical: moderationLog.canonical })
    .from(moderationLog)
    .where(eq(moderationLog.seq, publication.logSeq));
  if (!entry) throw new DomainError("NOT_FOUND");
  const content = JSON.parse(entry.canonical) as LogEntryContent;
  return {
    number,
    hiddenOn: new Date(content.time),
    ground: content.statement?.tyndau_ground ?? null,
    logSeq: publication.logSeq,
  };
}

export type PublicAppealPage = Awaited<ReturnType<typeof getPublicAppeal>>;
