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
import {
  type ANSWER_PARTS,
  type AnswerRedactions,
  mergeSpans,
  occurrencesOf,
  type PublicSegment,
  publicSegments,
  redactedStrings,
} from "../moderation/redactions";
import { namePattern } from "../personal-data/detect-personal-data";

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
  // The subject as a moderator reviewed it, and only while the appeal is public.
  subject: sql<string | null>`case when ${isPublic} then ${appeals.subject} end`,
  subjectRedactions: appealPublications.subjectRedactions,
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
  // The answer is public only once a moderator reviewed it (answerLogSeq), with their redactions.
  answerLogSeq: appealPublications.answerLogSeq,
  answerRedactions: appealPublications.answerRedactions,
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
  subjectRedactions: { start: number; end: number }[];
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
  answerLogSeq: number | null;
  answerRedactions: AnswerRedactions;
  registeredOn: string;
  dueAt: Date;
};

const bodyOf = (r: SummaryRow) => ({
  id: r.bodyId,
  nameKk: r.bodyNameKk,
  nameRu: r.bodyNameRu,
  nameEn: r.bodyNameEn,
});

/** The subject as the public reads it: the moderator's redactions become markers. */
const subjectOf = (r: SummaryRow): PublicSegment[] =>
  publicSegments(r.subject ?? "", r.subjectRedactions ?? []);

/** One line of the public list. */
export function toPublicSummary(r: SummaryRow) {
  return {
    number: r.number,
    kind: r.kind,
    category: r.category,
    region: r.region,
    status: r.status,
    overdue: Boolean(r.overdue),
    subject: subjectOf(r),
    body: bodyOf(r),
    filedAt: r.filedAt,
    answeredAt: r.answeredAt,
    supportCount: r.supportCount,
  };
}

export type NameSegment = { text: string } | { name: true };

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * An answer often addresses the citizen by name; the public reads it with the name taken out
 * (namePattern: the full name first, then each part, inflected endings included).
 */
export function withoutNames(text: string, fullNames: readonly string[]): NameSegment[] {
  const pattern = namePattern(fullNames);
  if (!pattern) return text ? [{ text }] : [];

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
/**
 * The body's answer as a moderator let the public read it: their redactions, then whatever they
 * redacted from the subject or the text wherever the answer quotes it again, then the applicant's
 * contacts and names.
 */
export function reviewedAnswer(
  r: Pick<PublicAppealRow, "subject" | "subjectRedactions" | "text" | "redactions" | "answerRedactions">,
  answer: AnswerRow,
  applicant: ApplicantData,
) {
  const quoted = redactedStrings([
    { text: r.subject ?? "", spans: r.subjectRedactions ?? [] },
    { text: r.text, spans: r.redactions },
  ]);
  const part = (name: (typeof ANSWER_PARTS)[number]) => {
    const spans = mergeSpans(r.answerRedactions?.[name] ?? [], occurrencesOf(answer[name], quoted));
    return publicSegments(answer[name], spans).flatMap((s) =>
      "text" in s ? withoutApplicant(s.text, applicant) : [s],
    );
  };
  return {
    decision: answer.decision,
    text: part("text"),
    legalGrounds: part("legalGrounds"),
    appealRights: part("appealRights"),
    answeredAt: answer.answeredAt,
    onTime: answer.onTime,
  };
}

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
    subject: subjectOf(r),
    // The redacted characters never leave the server: the page renders each marker in the reader's language.
    segments: publicSegments(r.text, r.redactions),
    body: bodyOf(r),
    filedAt: r.filedAt,
    registeredOn: r.registeredOn,
    dueAt: r.dueAt,
    answeredAt: r.answeredAt,
    answer: o.answer && r.answerLogSeq !== null ? reviewedAnswer(r, o.answer, applicant) : null,
    // An answer exists but no moderator has read it yet: the public is told, not shown.
    answerAwaitingReview: o.answer !== null && r.answerLogSeq === null,
    rating: o.rating ? { outcome: o.rating.outcome, quality: o.rating.quality, heard: o.rating.heard } : null,
    supportCount: r.supportCount,
    // The public moderation log's entries about this appeal, so that every act of gatekeeping can be found.
    moderation: o.moderation.map((e) => ({ seq: e.seq, action: e.action, time: e.createdAt })),
  };
}

export type PublicAppeal = ReturnType<typeof toPublicAppeal>;
export type PublicAppealSummary = ReturnType<typeof toPublicSummary>;
