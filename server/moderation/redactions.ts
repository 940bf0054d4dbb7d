import { DomainError } from "../errors";
import type { Redaction } from "./change-visibility";

export type PublicSegment = { text: string } | { redacted: true };

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
