"use client";
import { useTranslations } from "next-intl";
import type { AnswerPart } from "@/server/moderation/redactions";
import { RedactionMarker, type Span } from "./redaction-marker";

const ANSWER_PARTS = ["text", "legalGrounds", "appealRights"] as const satisfies readonly AnswerPart[];
const ANSWER_LABELS = {
  text: "answerTextLabel",
  legalGrounds: "legalGroundsLabel",
  appealRights: "appealRightsLabel",
} as const;

export type Detected = Span & { kind: string };
/** Everything a moderator reviews before the public reads it. */
export type ReviewTexts = {
  subject: string;
  text: string;
  answer: Record<AnswerPart, string> | null;
};
export type ReviewDetected = {
  subject: Detected[];
  text: Detected[];
  answer: Record<AnswerPart, Detected[]> | null;
};
export type ReviewSpans = { subject: Span[]; text: Span[]; answer: Record<AnswerPart, Span[]> };

const bare = (list: readonly Span[]) => list.map(({ start, end }) => ({ start, end }));

/**
 * Where marking starts: the redactions in force if there are any, otherwise the detector's proposals,
 * so that personal data is hidden unless the moderator decides it may show.
 */
export function initialSpans(
  current: { subject: Span[]; text: Span[]; answer: Partial<Record<AnswerPart, Span[]>> },
  detected: ReviewDetected,
): ReviewSpans {
  const pick = (now: Span[] | undefined, proposed: Detected[] | undefined) =>
    now?.length ? bare(now) : bare(proposed ?? []);
  return {
    subject: pick(current.subject, detected.subject),
    text: pick(current.text, detected.text),
    answer: {
      text: pick(current.answer.text, detected.answer?.text),
      legalGrounds: pick(current.answer.legalGrounds, detected.answer?.legalGrounds),
      appealRights: pick(current.answer.appealRights, detected.answer?.appealRights),
    },
  };
}

export const spanCount = (s: ReviewSpans) =>
  s.subject.length + s.text.length + ANSWER_PARTS.reduce((n, p) => n + s.answer[p].length, 0);

/** The redactions as the moderation procedures take them. */
export const redactionInput = (s: ReviewSpans) => ({
  redactions: s.text,
  subjectRedactions: s.subject,
  answerRedactions: s.answer,
});

/** One marker per part: the subject and the text, and each text of the answer when there is one. */
export function ReviewMarkers({
  texts,
  spans,
  detected,
  onChange,
  error,
  answerOnly = false,
}: {
  texts: ReviewTexts;
  spans: ReviewSpans;
  detected: ReviewDetected;
  onChange: (spans: ReviewSpans) => void;
  error?: string;
  /** Reviewing an answer written after publication: the subject and the text were decided already. */
  answerOnly?: boolean;
}) {
  const t = useTranslations("moderation.redact");
  const answer = texts.answer;
  return (
    <>
      {!answerOnly && (
        <>
          <RedactionMarker
            id="redact-subject"
            label={t("subjectLabel")}
            text={texts.subject}
            spans={spans.subject}
            detected={detected.subject}
            onChange={(subject) => onChange({ ...spans, subject })}
          />
          <RedactionMarker
            id="redact"
            text={texts.text}
            spans={spans.text}
            detected={detected.text}
            onChange={(text) => onChange({ ...spans, text })}
            error={error}
          />
        </>
      )}
      {answer &&
        ANSWER_PARTS.map((part) => (
          <RedactionMarker
            key={part}
            id={`redact-answer-${part}`}
            label={t(ANSWER_LABELS[part])}
            text={answer[part]}
            spans={spans.answer[part]}
            detected={detected.answer?.[part] ?? []}
            onChange={(list) => onChange({ ...spans, answer: { ...spans.answer, [part]: list } })}
            error={answerOnly && part === "text" ? error : undefined}
          />
        ))}
    </>
  );
}
