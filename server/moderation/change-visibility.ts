import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealPublications, type PUBLIC_VISIBILITIES } from "@/db/schema";
import { appendLogEntry, type LogEntryContent, type ModerationAction } from "./append-log-entry";
import { type AnswerRedactions, searchableText } from "./redactions";
import type { Statement } from "./statement-of-reasons";

export type PublicVisibility = (typeof PUBLIC_VISIBILITIES)[number];
export type Redaction = { start: number; end: number };

/**
 * The only way an appeal's public visibility changes: the log entry and the change in one transaction.
 * The database backs this up: a trigger refuses a visibility change that does not cite a new entry.
 */
export async function changeVisibility(
  tx: Db,
  o: {
    appeal: { id: string; number: string; authorId: string | null; subject: string; text: string };
    action: ModerationAction;
    visibility: PublicVisibility;
    redactions?: Redaction[];
    subjectRedactions?: Redaction[];
    answerRedactions?: AnswerRedactions;
    /** The decision covers the body's answer, which the public may read from now on, as redacted. */
    reviewsAnswer?: boolean;
    statement: Statement | null;
    moderator: { id: string; pseudonym: string };
    contest?: LogEntryContent["contest"];
    now?: Date;
  },
) {
  const now = o.now ?? new Date();
  const entry = await appendLogEntry(tx, {
    appealId: o.appeal.id,
    appealNumber: o.appeal.number,
    action: o.action,
    statement: o.statement,
    moderator: o.moderator,
    contest: o.contest ?? null,
    privateFacts: [o.moderator.id, o.appeal.authorId ?? "anonymous"],
    now,
  });
  const redactions = o.redactions ?? [];
  const subjectRedactions = o.subjectRedactions ?? [];
  const visible = o.visibility === "published" || o.visibility === "published_redacted";
  await tx
    .update(appealPublications)
    .set({
      visibility: o.visibility,
      redactions,
      subjectRedactions,
      ...(o.reviewsAnswer ? { answerRedactions: o.answerRedactions ?? {}, answerLogSeq: entry.seq } : {}),
      logSeq: entry.seq,
      changedAt: now,
      // Hidden means hidden on every read path, the search index included; redacted words are not searchable.
      publicSubject: visible ? searchableText(o.appeal.subject, subjectRedactions) : null,
      publicText: visible ? searchableText(o.appeal.text, redactions) : null,
    })
    .where(eq(appealPublications.appealId, o.appeal.id));
  return entry;
}
