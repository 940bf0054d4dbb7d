import { and, inArray, isNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import {
  type APPEAL_STATUSES,
  type appealAnswers,
  appealPublications,
  type appealRatings,
  appealSupports,
  appeals,
  type MODERATION_ACTIONS,
  stateBodies,
} from "@/db/schema";
import { type PublicSegment, publicSegments } from "../moderation/redactions";

/**
 * THE definition of what the public may see of an appeal. Every public read path selects with
 * `publicSummaryColumns` or `publicAppealColumns`, filters with `isPublic` and maps with `toPublicSummary` / `toPublicAppeal`: the
 * author's name, contacts, identity number, attachments and the officials who handled it never appear.
 */
export const VISIBLE_TO_PUBLIC = ["published", "published_redacted"] as const;
export const isPublic: SQL = inArray(appealPublications.visibility, VISIBLE_TO_PUBLIC);

/**
 * APPC Art. 91(2): past the deadline without an answer the silence counts as a refusal. A term stopped
 * while the applicant clarifies is not running, so it cannot run out. The same rule as deadlineState().
 */
export const isOverdue = (now: Date): SQL =>
  and(
    inArray(appeals.status, ["registered", "in_progress", "awaiting_clarification"]),
    lt(appeals.dueAt, now),
    or(ne(appeals.status, "awaiting_clarification"), isNull(appeals.pausedAt)),
  ) as SQL;

export const supportCount = sql<number>`(select count(*) from ${appealSupports} where ${appealSupports.appealId} = ${appeals.id})`;

/** The columns a public list selects: joined from appeals, appeal_publications and state_bodies only. */
export const publicSummaryColumns = (now: Date) => ({
  id: appeals.id,
  number: appeals.number,
  kind: appeals.kind,
  category: appeals.category,
  region: appeals.region,
  status: appeals.status,
  overdue: sql<boolean>`(${isOverdue(now)})`,
  // The subject as published: null unless public (change-visibility.ts keeps it so).
  subject: appealPublications.publicSubject,
  filedAt: appeals.filedAt,
  answeredAt: appeals.answeredAt,
  bodyId: stateBodies.id,
  bodyNameKk: stateBodies.nameKk,
  bodyNameRu: stateBodies.nameRu,
  bodyNameEn: stateBodies.nameEn,
  supportCount: supportCount.mapWith(Number),
});

/** The columns of a public page: the summary, the text with its redactions, and the terms. */
export const publicAppealColumns = (now: Date) => ({
  ...publicSummaryColumns(now),
  text: appeals.text,
  redactions: appealPublications.redactions,
  registeredOn: appeals.registeredOn,
  dueAt: appeals.dueAt,
});

type SummaryRow = {
  number: string;
  kind: (typeof appeals.$inferSelect)["kind"];
  category: (typeof appeals.$inferSelect)["category"];
  region: string | null;
  status: (typeof APPEAL_STATUSES)[number];
  overdue: boolean;
  subject: string | null;
  filedAt: Date;
  answeredAt: Date | null;
  bodyId: string;
  bodyNameKk: string;
  bodyNameRu: string;
  bodyNameEn: string;
  supportCount: number;
};
export type PublicAppealRow = SummaryRow & {
  text: string;
  redactions: { start: number; end: number }[];
  registeredOn: string;
  dueAt: Date;
};

const bodyOf = (r: SummaryRow) => ({
  id: r.bodyId,
  nameKk: r.bodyNameKk,
  nameRu: r.bodyNameRu,
  nameEn: r.bodyNameEn,
});

/** One line of the public list. */
export function toPublicSummary(r: SummaryRow) {
  return {
    number: r.number,
    kind: r.kind,
    category: r.category,
    region: r.region,
    status: r.status,
    overdue: Boolean(r.overdue),
    subject: r.subject ?? "",
    body: bodyOf(r),
    filedAt: r.filedAt,
    answeredAt: r.answeredAt,
    supportCount: r.supportCount,
  };
}

export type NameSegment = { text: string } | { name: true };

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * An answer often addresses the citizen by name; the public reads it with the name taken out. The full
 * name goes first, so that parts too short to match alone (a two-letter surname) leave with it; then
 * each part of three letters or more, in any case, and for longer parts with an inflected ending
 * (Russian and Kazakh decline names: Айгерім → Айгерімге, Сәрсенбаева → Сәрсенбаевой). Removing a
 * word too many is the safe mistake here.
 */
export function withoutNames(text: string, fullNames: readonly string[]): NameSegment[] {
  const wholes = fullNames
    .map((n) => n.trim().split(/\s+/).filter(Boolean))
    .filter((parts) => parts.length > 0)
    .map((parts) => parts.map(literal).join("\\s+"));
  const parts = [
    ...new Set(fullNames.flatMap((n) => n.split(/[\s\-‐–'’]+/)).filter((p) => [...p].length >= 3)),
  ].map((p) => ([...p].length >= 5 ? `${literal(p.slice(0, -1))}\\p{L}{0,4}` : literal(p)));
  const alternatives = [...wholes.sort((a, b) => b.length - a.length), ...parts];
  if (alternatives.length === 0) return text ? [{ text }] : [];
  const pattern = new RegExp(`(?<!\\p{L})(?:${alternatives.join("|")})(?!\\p{L})`, "giu");

  const out: NameSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const between = text.slice(at, match.index);
    const last = out.at(-1);
    // "Айгерім Нұрланқызы" is one name, not two: adjacent parts merge into one marker.
    if (last && "name" in last && between.trim() === "") {
      at = match.index + match[0].length;
      continue;
    }
    if (between) out.push({ text: between });
    out.push({ name: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The applicant's known personal data: the names to take out, and the contacts (e-mail, phone, address). */
export type ApplicantData = { names: readonly string[]; contacts: readonly string[] };

/** A contact as written anywhere in a text: a phone with any spacing and either prefix, the rest as is. */
function contactPattern(contact: string): string | null {
  const trimmed = contact.trim();
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length >= 10 && /^[\d\s()+.-]+$/.test(trimmed)) {
    const local = digits.slice(-10).split("").join("[\\s().-]*");
    return `(?:(?:\\+\\s*7|8)[\\s().-]*)?${local}(?!\\d)`;
  }
  return [...trimmed].length >= 5 ? literal(trimmed).replace(/\s+/g, "\\s+") : null;
}

/**
 * A text a body wrote about an appeal (its answer), as someone other than the applicant and the body
 * reads it: the applicant's contacts taken out as redactions (an answer may say how the body reached
 * them), then their names as name markers (withoutNames).
 */
export function withoutApplicant(text: string, applicant: ApplicantData): (NameSegment | PublicSegment)[] {
  const patterns = applicant.contacts.map(contactPattern).filter((p): p is string => p !== null);
  if (patterns.length === 0) return withoutNames(text, applicant.names);
  const pattern = new RegExp(patterns.join("|"), "giu");
  const out: (NameSegment | PublicSegment)[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) out.push(...withoutNames(text.slice(at, match.index), applicant.names));
    out.push({ redacted: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push(...withoutNames(text.slice(at), applicant.names));
  return out;
}

type AnswerRow = Pick<
  typeof appealAnswers.$inferSelect,
  "decision" | "text" | "legalGrounds" | "appealRights" | "answeredAt" | "onTime"
>;
type RatingRow = Pick<typeof appealRatings.$inferSelect, "outcome" | "quality" | "heard">;
type LogRow = { seq: number; action: (typeof MODERATION_ACTIONS)[number]; createdAt: Date };

/**
 * The public page of an appeal. `applicantNames` and `applicantContacts` are used to take the applicant
 * out of the answer and are never returned.
 */
export function toPublicAppeal(
  r: PublicAppealRow,
  o: {
    answer: AnswerRow | null;
    rating: RatingRow | null;
    moderation: readonly LogRow[];
    applicantNames: readonly string[];
    applicantContacts?: readonly string[];
  },
) {
  const applicant = { names: o.applicantNames, contacts: o.applicantContacts ?? [] };
  return {
    number: r.number,
    kind: r.kind,
    category: r.category,
    region: r.region,
    status: r.status,
    overdue: Boolean(r.overdue),
    subject: r.subject ?? "",
    // The redacted characters never leave the server: the page renders each marker in the reader's language.
    segments: publicSegments(r.text, r.redactions),
    body: bodyOf(r),
    filedAt: r.filedAt,
    registeredOn: r.registeredOn,
    dueAt: r.dueAt,
    answeredAt: r.answeredAt,
    answer: o.answer
      ? {
          decision: o.answer.decision,
          text: withoutApplicant(o.answer.text, applicant),
          legalGrounds: withoutApplicant(o.answer.legalGrounds, applicant),
          appealRights: withoutApplicant(o.answer.appealRights, applicant),
          answeredAt: o.answer.answeredAt,
          onTime: o.answer.onTime,
        }
      : null,
    rating: o.rating ? { outcome: o.rating.outcome, quality: o.rating.quality, heard: o.rating.heard } : null,
    supportCount: r.supportCount,
    // The public moderation log's entries about this appeal, so that every act of gatekeeping can be found.
    moderation: o.moderation.map((e) => ({ seq: e.seq, action: e.action, time: e.createdAt })),
  };
}

export type PublicAppeal = ReturnType<typeof toPublicAppeal>;
export type PublicAppealSummary = ReturnType<typeof toPublicSummary>;
