"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { ChoiceGroup } from "@/components/citizen/fields";
import { FormAlert } from "@/components/form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "@/components/form-errors";
import { useTRPC } from "@/components/trpc-provider";
import { useRouter } from "@/i18n/navigation";
import { StatementFields, statementFrom } from "./statement-fields";

/** A second moderator decides a citizen's contest: the restriction stays, or the appeal is published whole. */
export function ContestDecisionForm({ appealId, number }: { appealId: string; number: string }) {
  const t = useTranslations("moderation.form");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const decide = useMutation(trpc.moderation.decideContest.mutationOptions());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const sending = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.current) return;
    const form = new FormData(event.currentTarget);
    const outcome = form.get("outcome");
    sending.current = true;
    try {
      const { seq } = await decide.mutateAsync({
        appealId,
        outcome: (outcome === null ? undefined : String(outcome)) as "upheld" | "reversed",
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
        options={(["upheld", "reversed"] as const).map((o) => ({
          value: o,
          label: t(`outcomeOption.${o}`),
          hint: t(`outcomeHint.${o}`),
        }))}
        error={errors.fields.outcome}
      />
      <StatementFields errors={errors.fields} />
      <div className="actions">
        <button type="submit" disabled={decide.isPending}>
          {decide.isPending ? t("sending") : t("submitContest")}
        </button>
      </div>
    </form>
  );
}
