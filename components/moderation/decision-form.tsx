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
import { RedactionMarker, type Span } from "./redaction-marker";
import { StatementFields, statementFrom } from "./statement-fields";

type Props = {
  appealId: string;
  number: string;
  text: string;
  /** The parts hidden now, to start from when the redactions are changed. */
  redactions: Span[];
  decisions: ModerationDecision[];
};

/** A moderator's decision on what the public sees of one appeal, with its statement of reasons. */
export function DecisionForm({ appealId, number, text, redactions, decisions }: Props) {
  const t = useTranslations("moderation.form");
  const td = useTranslations("moderation.decision");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const decide = useMutation(trpc.moderation.decide.mutationOptions());
  const [decision, setDecision] = useState<ModerationDecision | "">("");
  const [spans, setSpans] = useState<Span[]>(redactions);
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
      const { seq } = await decide.mutateAsync(
        decision === "publish"
          ? { appealId, decision }
          : decision === "publish_redacted"
            ? { appealId, decision, redactions: spans, ...statementFrom(form) }
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
      {decision === "publish_redacted" && (
        <RedactionMarker text={text} spans={spans} onChange={setSpans} error={errors.fields.redactions} />
      )}
      <StatementFields errors={errors.fields} hidden={decision === "" || decision === "publish"} />
      <div className="actions">
        <button type="submit" disabled={decide.isPending}>
          {decide.isPending ? t("sending") : t("submit")}
        </button>
      </div>
      <p className={`hint ${styles.text}`}>{t("notDelivery")}</p>
    </form>
  );
}
