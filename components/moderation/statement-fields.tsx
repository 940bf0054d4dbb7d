"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SelectField, TextAreaField } from "@/components/citizen/fields";
import { TextField } from "@/components/text-field";
import { MODERATION_GROUNDS, SOURCE_TYPES } from "@/server/moderation/statement-of-reasons";
import styles from "./moderation.module.css";

export const FACTS_MAX = 2000;

/** What a statement of reasons asks, read from the form by the names these fields carry. */
export function statementFrom(form: FormData) {
  const value = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  const sourceType = value("sourceType");
  const named = sourceType === "SOURCE_STATE_BODY" || sourceType === "SOURCE_COURT";
  return {
    ground: value("ground") as (typeof MODERATION_GROUNDS)[number],
    facts: String(form.get("facts") ?? ""),
    sourceType: sourceType as (typeof SOURCE_TYPES)[number],
    sourceIdentity: named ? String(form.get("sourceIdentity") ?? "") : undefined,
  };
}

/**
 * The statement of reasons, as the public log will show it: a ground from the fixed list, the facts, and
 * who asked for the action; a state body or a court that asked must be named.
 */
export function StatementFields({ errors, hidden }: { errors: Record<string, string>; hidden?: boolean }) {
  const t = useTranslations("moderation.form");
  const tg = useTranslations("moderation.ground");
  const ts = useTranslations("moderation.source");
  const [source, setSource] = useState<string>("SOURCE_VOLUNTARY");
  const named = source === "SOURCE_STATE_BODY" || source === "SOURCE_COURT";
  return (
    <fieldset className={styles.fieldset} hidden={hidden}>
      <legend>{t("statement")}</legend>
      <p className="hint">{t("statementHint")}</p>
      <SelectField
        name="ground"
        label={t("ground")}
        placeholder={t("chooseGround")}
        options={MODERATION_GROUNDS.map((g) => ({ value: g, label: tg(g) }))}
        error={errors.ground}
      />
      <TextAreaField
        name="facts"
        label={t("facts")}
        hint={t("factsHint")}
        max={FACTS_MAX}
        rows={4}
        error={errors.facts}
        countLabel={(count, max) => t("count", { count, max })}
      />
      <SelectField
        name="sourceType"
        label={t("sourceType")}
        defaultValue="SOURCE_VOLUNTARY"
        options={SOURCE_TYPES.map((s) => ({ value: s, label: ts(s) }))}
        error={errors.sourceType}
        onChange={setSource}
      />
      <div hidden={!named}>
        <TextField
          name="sourceIdentity"
          label={source === "SOURCE_COURT" ? t("whichCourt") : t("whichBody")}
          hint={t("sourceIdentityHint")}
          maxLength={300}
          error={errors.sourceIdentity}
        />
      </div>
    </fieldset>
  );
}
