import { DomainError } from "../errors";
import type { Redaction } from "./change-visibility";

export type PublicSegment = { text: string } | { redacted: true };

/** The texts of the body's answer a moderator reviews, each with its own redactions. */
export const ANSWER_PARTS = ["text", "legalGrounds", "appealRights"] as const;
export type AnswerPart = (typeof ANSWER_PARTS)[number];
export type AnswerRedactions = Partial<Record<AnswerPart, Redaction[]>>;
export type AnswerTexts = Record<AnswerPart, string>;

/** Checks each part of the answer's redactions against its text. */
export function checkAnswerRedactions(answer: AnswerTexts | null, spans: AnswerRedactions): AnswerRedactions {
  const out: AnswerRedactions = {};
  for (const part of ANSWER_PARTS) {
    const list = spans[part] ?? [];
    if (list.length === 0) continue;
    if (!answer) throw new DomainError("BAD_REDACTION");
    out[part] = checkRedactions(answer[part], list);
  }
  return out;
}

export const countAnswerRedactions = (spans: AnswerRedactions | null | undefined) =>
  ANSWER_PARTS.reduce((n, p) => n + (spans?.[p]?.length ?? 0), 0);

/** Spans sorted, with overlapping or touching ones merged. */
export function mergeSpans(...lists: readonly (readonly Redaction[])[]): Redaction[] {
  const sorted = lists.flat().sort((a, b) => a.start - b.start);
  const out: Redaction[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** What a moderator took out of the subject and the text: an answer quoting it must not put it back. */
export function redactedStrings(parts: readonly { text: string; spans: readonly Redaction[] }[]): string[] {
  return parts.flatMap(({ text, spans }) =>
    spans.map((s) => text.slice(s.start, s.end).trim()).filter((v) => [...v].length >= 3),
  );
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Where any of `strings` occurs in `text`: case aside, with any spacing, and a number (a phone, an IIN)
 * with any separators between its digits, since an official retyping it rarely keeps the spaces.
 */
export function occurrencesOf(text: string, strings: readonly string[]): Redaction[] {
  const patterns = strings.map((v) => {
    const digits = v.replace(/\D/g, "");
    if (digits.length >= 6 && digits.length >= v.replace(/[\s()+.-]/g, "").length - 1) {
      // A phone's last ten digits, with whichever prefix (+7 or 8) the answer writes.
      if (digits.length >= 10 && digits.length <= 11) {
        const local = digits.slice(-10).split("").join("[\\s().-]*");
        return `(?:(?:\\+\\s*7|8)[\\s().-]*)?${local}(?!\\d)`;
      }
      return `(?<!\\d)${digits.split("").join("[\\s().-]*")}(?!\\d)`;
    }
    return literal(v).replace(/\s+/g, "\\s+");
  });
  if (patterns.length === 0) return [];
  const pattern = new RegExp(patterns.join("|"), "giu");
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Spans must lie within the text and not overlap; returned sorted. */
export function checkRedactions(text: string, spans: readonly Redaction[]): Redaction[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let end = 0;
  for (const s of sorted) {
    if (
      !Number.isInteger(s.start) ||
      !Number.isInteger(s.end) ||
      s.start < end ||
      s.end <= s.start ||
      s.end > text.length
    ) {
      throw new DomainError("BAD_REDACTION");
    }
    end = s.end;
  }
  return sorted;
}

/**
 * The text as the public may read it: redacted spans become markers the page renders in the reader's
 * language; the redacted characters never leave the server.
 */
export function publicSegments(text: string, spans: readonly Redaction[]): PublicSegment[] {
  const out: PublicSegment[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    out.push({ redacted: true });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The same text flattened for the search index, with redacted spans left out. */
export const searchableText = (text: string, spans: readonly Redaction[]) =>
  publicSegments(text, spans)
    .map((s) => ("text" in s ? s.text : " "))
    .join("");
