import type { Redaction } from "../moderation/change-visibility";
import { mergeSpans, occurrencesOf, type PublicSegment, publicSegments } from "../moderation/redactions";
import { detectedRedactions } from "./detect-personal-data";

/** Stands for a taken-out span where a view shows plain text only (a table cell, a timeline note). */
export const PLAIN_MARKER = "[…]";

/**
 * A text as someone who may not read personal data (an auditor) reads it: what a moderator redacted,
 * whatever they redacted elsewhere in the appeal when quoted here, and everything the detector finds,
 * the applicant's names included. The views that apply it were never reviewed span by span, so the
 * detector's proposals are taken as decided: hiding a word too many is the safe mistake.
 */
export function withoutPersonalData(
  text: string,
  o: { names: readonly string[]; reviewed?: readonly Redaction[]; quoted?: readonly string[] },
): PublicSegment[] {
  const spans = mergeSpans(
    o.reviewed ?? [],
    detectedRedactions(text, { names: o.names }),
    occurrencesOf(text, o.quoted ?? []),
  );
  return publicSegments(text, spans);
}

/** The same, flattened to plain text with PLAIN_MARKER. */
export const plainWithoutPersonalData = (text: string, o: Parameters<typeof withoutPersonalData>[1]) =>
  withoutPersonalData(text, o)
    .map((s) => ("text" in s ? s.text : PLAIN_MARKER))
    .join("");
