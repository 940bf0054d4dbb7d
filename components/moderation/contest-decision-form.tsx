"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { ChoiceGroup } from "@/components/citizen/fields";
import { FormAlert } from "@/components/form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "@/components/form-errors";
import { useTRPC } from "@/components/trpc-provider";
import { useRouter } from "@/i18n/navigation";
import type { Span } from "./redaction-marker";
import {
  initialSpans,
  type ReviewDetected,
  ReviewMarkers,
  type ReviewTexts,
  redactionInput,
} from "./review-markers";
import { StatementFields, statementFrom } from "./statement-fields";

type Outcome = "upheld" | "reversed" | "amended";

/**
 * A second moderator decides a citizen's contest: the restriction stays, the appeal is published whole,
 * or it is published with the redactions this moderator marks (not all or nothing).
 */
export function ContestDecisionForm({
  appealId,
  number,
  texts,
  redactions,
  detected,
}: {
  appealId: string;
  number: string;
  texts: ReviewTexts;
  redactions: {
    subject: Span[];
    text: Span[];
    answer: Partial<Record<"text" | "legalGrounds" | "appealRights", Span[]>>;
  };
  detected: ReviewDetected;
}) {
  const t = useTranslations("moderation.form");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const decide = useMutation(trpc.moderation.decideContest.mutationOptions());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [outcome, setOutcome] = useState<Outcome | "">("");
  const [spans, setSpans] = useState(() => initialSpans(redactions, detected));
  const sending = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.current) return;
    const form = new FormData(event.currentTarget);
    sending.current = true;
    try {
      const { seq } = await decide.mutateAsync({
        appealId,
        outcome: (outcome === "" ? undefined : outcome) as Outcome,
        ...(outcome === "amended" ? redactionInput(spans) : {}),
        ...statementFrom(form),
      });
      router.push({ pathname: "/moderation", query: { done: number, entry: String(seq) } });
    } catch (error) {
      setErrors(messagesOf(error));
    } finally {
      sending.current = false;
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} fields={errors.fields} />
      <ChoiceGroup
        name="outcome"
        legend={t("outcome")}
        options={(["upheld", "reversed", "amended"] as const).map((o) => ({
          value: o,
          label: t(`outcomeOption.${o}`),
          hint: t(`outcomeHint.${o}`),
        }))}
        error={errors.fields.outcome}
        onChange={(v) => setOutcome(v as Outcome)}
      />
      {outcome === "amended" && (
        <ReviewMarkers
          texts={texts}
          spans={spans}
          detected={detected}
          onChange={setSpans}
          error={errors.fields.redactions}
        />
      )}
      <StatementFields errors={errors.fields} />
      <div className="actions">
        <button type="submit" disabled={decide.isPending}>
          {decide.isPending ? t("sending") : t("submitContest")}
        </button>
      </div>
    </form>
  );
}
