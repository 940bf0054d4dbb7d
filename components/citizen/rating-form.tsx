"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormAlert } from "@/components/form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "@/components/form-errors";
import { useTRPC } from "@/components/trpc-provider";
import { useRouter } from "@/i18n/navigation";
import styles from "./citizen.module.css";
import { ChoiceGroup } from "./fields";

const OUTCOMES = ["resolved", "partly", "not_resolved"] as const;

/** The applicant's rating of the answer: given once, it counts in the body's public figures. */
export function RatingForm({ appealId }: { appealId: string }) {
  const t = useTranslations("citizen.rate");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const rate = useMutation(trpc.appeal.rate.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = { outcome: form.get("outcome"), quality: form.get("quality"), heard: form.get("heard") };
    // Radio groups left unchosen are caught here: the procedure takes a number and a yes/no, not blanks.
    const missing = Object.entries(chosen).filter(([, v]) => v === null);
    if (missing.length > 0) {
      setErrors({
        form: tv("summary"),
        fields: Object.fromEntries(missing.map(([k]) => [k, tv("required")])),
      });
      return;
    }
    try {
      await rate.mutateAsync({
        appealId,
        outcome: String(chosen.outcome) as (typeof OUTCOMES)[number],
        quality: Number(chosen.quality),
        heard: chosen.heard === "yes",
      });
      router.refresh();
    } catch (error) {
      setErrors(messagesOf(error));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className={styles.inlineForm}>
      <FormAlert message={errors.form} fields={errors.fields} />
      <ChoiceGroup
        name="outcome"
        legend={t("outcome")}
        error={errors.fields.outcome}
        options={OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
      />
      <ChoiceGroup
        name="quality"
        legend={t("quality")}
        hint={t("qualityHint")}
        error={errors.fields.quality}
        options={[1, 2, 3, 4, 5].map((q) => ({ value: String(q), label: t("stars", { count: q }) }))}
      />
      <ChoiceGroup
        name="heard"
        legend={t("heard")}
        error={errors.fields.heard}
        options={[
          { value: "yes", label: t("yes") },
          { value: "no", label: t("no") },
        ]}
      />
      <div className="actions">
        <button type="submit" disabled={rate.isPending}>
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
