"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { ChoiceGroup } from "@/components/citizen/fields";
import { FormAlert } from "@/components/form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "@/components/form-errors";
import { useTRPC } from "@/components/trpc-provider";
import { useRouter } from "@/i18n/navigation";
import type { ModerationDecision } from "@/server/moderation/moderate-appeal";
import styles from "./moderation.module.css";
import type { Span } from "./redaction-marker";
import {
  initialSpans,
  type ReviewDetected,
  ReviewMarkers,
  type ReviewTexts,
  redactionInput,
  spanCount,
} from "./review-markers";
import { StatementFields, statementFrom } from "./statement-fields";

type Props = {
  appealId: string;
  number: string;
  texts: ReviewTexts;
  /** The parts hidden now, to start from when the redactions are changed. */
  redactions: {
    subject: Span[];
    text: Span[];
    answer: Partial<Record<"text" | "legalGrounds" | "appealRights", Span[]>>;
  };
  /** The personal data the detector found, pre-marked for review. */
  detected: ReviewDetected;
  decisions: ModerationDecision[];
};

/**
 * A moderator's decision on what the public sees of one appeal, with its statement of reasons. The
 * subject, the text and the body's answer are reviewed alike, starting from the detector's marks.
 */
export function DecisionForm({ appealId, number, texts, redactions, detected, decisions }: Props) {
  const t = useTranslations("moderation.form");
  const td = useTranslations("moderation.decision");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const decide = useMutation(trpc.moderation.decide.mutationOptions());
  const [decision, setDecision] = useState<ModerationDecision | "">("");
  const [spans, setSpans] = useState(() => initialSpans(redactions, detected));
  const proposed = spanCount(initialSpans({ subject: [], text: [], answer: {} }, detected));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const sending = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.current) return;
    if (!decision) {
      setErrors({ form: tv("summary"), fields: { decision: tv("required") } });
      return;
    }
    const form = new FormData(event.currentTarget);
    sending.current = true;
    try {
      const answerMarked = spanCount({ ...spans, subject: [], text: [] }) > 0;
      const { seq } = await decide.mutateAsync(
        decision === "publish"
          ? { appealId, decision }
          : decision === "publish_redacted"
            ? { appealId, decision, ...redactionInput(spans), ...statementFrom(form) }
            : decision === "publish_answer"
              ? {
                  appealId,
                  decision,
                  answerRedactions: spans.answer,
                  ...(answerMarked ? statementFrom(form) : {}),
                }
              : { appealId, decision, ...statementFrom(form) },
      );
      router.push({ pathname: "/moderation", query: { done: number, entry: String(seq) } });
    } catch (error) {
      const messages = messagesOf(error);
      if (messages.fields.redactions) messages.fields.redactions = t("markSomething");
      setErrors(messages);
    } finally {
      sending.current = false;
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} fields={errors.fields} />
      <ChoiceGroup
        name="decision"
        legend={t("decision")}
        options={decisions.map((d) => ({ value: d, label: td(d), hint: t(`decisionHint.${d}`) }))}
        error={errors.fields.decision}
        onChange={(v) => setDecision(v as ModerationDecision)}
      />
      {proposed > 0 && (
        <p className="alert" role="note">
          {t("detectedFound", { count: proposed })}
        </p>
      )}
      {(decision === "publish_redacted" || decision === "publish_answer") && (
        <ReviewMarkers
          texts={texts}
          spans={spans}
          detected={detected}
          onChange={setSpans}
          error={errors.fields.redactions}
          answerOnly={decision === "publish_answer"}
        />
      )}
      <StatementFields
        errors={errors.fields}
        hidden={
          decision === "" ||
          decision === "publish" ||
          (decision === "publish_answer" && spanCount({ ...spans, subject: [], text: [] }) === 0)
        }
      />
      <div className="actions">
        <button type="submit" disabled={decide.isPending}>
          {decide.isPending ? t("sending") : t("submit")}
        </button>
      </div>
      <p className={`hint ${styles.text}`}>{t("notDelivery")}</p>
    </form>
  );
}
