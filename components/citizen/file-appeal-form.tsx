"use client";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { TextSuggestions } from "@/components/body-suggestion/text-suggestions";
import { FormAlert } from "@/components/form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages, useLocalErrors } from "@/components/form-errors";
import { TextField } from "@/components/text-field";
import { useTRPC } from "@/components/trpc-provider";
import { useRouter } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { ATTACHMENT_ACCEPT, ATTACHMENT_MESSAGE_VALUES } from "@/server/appeals/attachment-limits";
import { bodyName } from "@/server/directory/body-name";
import type { RegionCode } from "@/server/directory/regions";
import type { Category } from "@/server/directory/state-bodies-directory";
import styles from "./citizen.module.css";
import { CheckboxField, ChoiceGroup, FileField, SelectField, TextAreaField } from "./fields";
import { attachmentError, chosenFiles, fileProblemsBeforeUpload } from "./file-errors";
import { useIdempotencyKey } from "./idempotency-key";

export type FileAppealLimits = {
  subject: { min: number; max: number };
  text: { min: number; max: number };
  maxFiles: number;
  maxMegabytes: number;
};

type Props = {
  kinds: readonly string[];
  categories: readonly string[];
  regions: { value: string; label: string }[];
  /** The whole directory in the page's language, until the citizen searches it. */
  bodies: { id: string; name: string }[];
  limits: FileAppealLimits;
};

type BodyMode = "suggest" | "choose";

const TEXT_FIELDS = ["kind", "category", "region", "subject", "text"] as const;

export function FileAppealForm({ kinds, categories, regions, bodies, limits }: Props) {
  const t = useTranslations("citizen.file");
  const tk = useTranslations("appeal.kind");
  const tc = useTranslations("appeal.category");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const trpc = useTRPC();
  const messagesOf = useErrorMessages();
  const localErrors = useLocalErrors();
  const idempotencyKey = useIdempotencyKey();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attachmentsError, setAttachmentsError] = useState<string | undefined>();
  const [mode, setMode] = useState<BodyMode>("suggest");
  const [category, setCategory] = useState("");
  const [region, setRegion] = useState("");
  const [search, setSearch] = useState("");
  const [text, setText] = useState("");
  const [chosenBodyId, setChosenBodyId] = useState("");
  const [anonymousNumber, setAnonymousNumber] = useState<string | null>(null);
  // A second click lands before React re-renders the disabled button; this stops it at once.
  const sending = useRef(false);

  const file = useMutation(trpc.appeal.file.mutationOptions());
  const suggestions = useQuery(
    trpc.directory.suggest.queryOptions(
      { category: category as Category, region: (region || null) as RegionCode | null },
      { enabled: category !== "" },
    ),
  );
  const found = useQuery(
    trpc.directory.list.queryOptions(
      { locale, search },
      { enabled: search.trim() !== "", placeholderData: keepPreviousData },
    ),
  );
  const listed = search.trim() === "" ? bodies : (found.data ?? bodies);
  const chosenListed = chosenBodyId === "" || listed.some((b) => b.id === chosenBodyId);
  // A body taken from the text's suggestions stays in the list while the citizen's search narrows it.
  const bodyOptions = [...(chosenListed ? [] : bodies.filter((b) => b.id === chosenBodyId)), ...listed].map(
    (b) => ({ value: b.id, label: b.name }),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.current) return;
    const form = new FormData(event.currentTarget);
    const payload = new FormData();
    for (const name of TEXT_FIELDS) {
      const value = form.get(name);
      if (typeof value === "string" && value !== "") payload.append(name, value);
    }
    const bodyId = form.get(mode === "suggest" ? "suggestedBodyId" : "chosenBodyId");
    if (typeof bodyId === "string" && bodyId !== "") payload.append("bodyId", bodyId);
    payload.append("publishConsent", form.get("publishConsent") ? "true" : "false");
    const crimeReport = Boolean(form.get("crimeReport"));
    payload.append("crimeReport", crimeReport ? "true" : "false");
    payload.append("locale", locale);
    payload.append("idempotencyKey", idempotencyKey);
    const files = chosenFiles(form);
    for (const f of files) payload.append("attachments", f);
    const refused = localErrors(fileProblemsBeforeUpload(files), ATTACHMENT_MESSAGE_VALUES);
    if (refused) {
      setErrors(refused);
      setAttachmentsError(attachmentError(refused, files));
      return;
    }

    sending.current = true;
    try {
      const filed = await file.mutateAsync(payload);
      setErrors(NO_ERRORS);
      setAttachmentsError(undefined);
      // An anonymous report carries no author, so it has no page of the citizen's: its number is all.
      if (crimeReport) setAnonymousNumber(filed.number);
      else router.push(`/appeals/${filed.id}/receipt`);
    } catch (error) {
      const messages = messagesOf(error);
      setErrors(messages);
      setAttachmentsError(attachmentError(messages, files));
    } finally {
      sending.current = false;
    }
  }

  if (anonymousNumber) {
    return (
      <div role="status" className="alert alert-ok">
        <p>{t("anonymousFiled", { number: anonymousNumber })}</p>
        <p>{t("anonymousNoFollow")}</p>
      </div>
    );
  }

  const pending = file.isPending;
  const suggested = suggestions.data ?? [];
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} fields={errors.fields} />

      <ChoiceGroup
        name="kind"
        legend={t("kind")}
        hint={t("kindHint")}
        error={errors.fields.kind}
        options={kinds.map((k) => ({ value: k, label: tk(k), hint: t(`kindExplained.${k}`) }))}
      />

      <SelectField
        name="category"
        label={t("category")}
        placeholder={t("choose")}
        error={errors.fields.category}
        options={categories.map((c) => ({ value: c, label: tc(c) }))}
        onChange={setCategory}
      />
      <SelectField
        name="region"
        label={t("region")}
        hint={t("regionHint")}
        placeholder={t("wholeCountry")}
        error={errors.fields.region}
        options={regions}
        onChange={setRegion}
      />

      <ChoiceGroup
        name="bodyMode"
        legend={t("body")}
        value={mode}
        error={errors.fields.bodyId}
        onChange={(v) => setMode(v as BodyMode)}
        options={[
          { value: "suggest", label: t("bodySuggest") },
          { value: "choose", label: t("bodyChoose") },
        ]}
      />
      <div className={styles.panel} hidden={mode !== "suggest"}>
        {category === "" ? (
          <p className="hint">{t("suggestNeedsCategory")}</p>
        ) : suggested.length === 0 ? (
          <p className="hint" role="status">
            {suggestions.isFetching ? t("searching") : t("noSuggestion")}
          </p>
        ) : (
          <ChoiceGroup
            key={`${category}-${region}`}
            name="suggestedBodyId"
            legend={t("suggested")}
            hint={t("suggestedHint")}
            defaultValue={suggested[0]?.id}
            options={suggested.map((b) => ({ value: b.id, label: bodyName(b, locale) }))}
          />
        )}
      </div>
      <div className={styles.panel} hidden={mode !== "choose"}>
        <div className="field">
          <label htmlFor="body-search">{t("bodySearch")}</label>
          <input
            id="body-search"
            type="search"
            autoComplete="off"
            aria-describedby="body-search-hint"
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <p id="body-search-hint" className="hint">
            {t("bodySearchHint")}
          </p>
        </div>
        <SelectField
          name="chosenBodyId"
          label={t("bodyChosen")}
          placeholder={t("choose")}
          options={bodyOptions}
          value={chosenBodyId}
          onChange={setChosenBodyId}
        />
      </div>

      <TextField
        name="subject"
        label={t("subject")}
        hint={t("subjectHint", limits.subject)}
        error={errors.fields.subject}
        autoComplete="off"
      />
      <TextAreaField
        name="text"
        label={t("text")}
        hint={t("textHint", limits.text)}
        error={errors.fields.text}
        max={limits.text.max}
        countLabel={(count, max) => t("count", { count, max })}
        onChange={setText}
      />
      <TextSuggestions
        text={text}
        category={category}
        region={region}
        chosenId={mode === "choose" ? chosenBodyId : null}
        onPick={(b) => {
          setMode("choose");
          setChosenBodyId(b.id);
        }}
      />
      <FileField
        name="attachments"
        label={t("attachments")}
        hint={t("attachmentsHint", { maxFiles: limits.maxFiles, maxMegabytes: limits.maxMegabytes })}
        accept={ATTACHMENT_ACCEPT}
        error={attachmentsError}
      />

      <CheckboxField
        name="publishConsent"
        label={t("publish")}
        error={errors.fields.publishConsent}
        hint={
          <>
            {t("publishWhat")}
            <br />
            {t("publishNever")}
          </>
        }
      />
      <CheckboxField
        name="crimeReport"
        label={t("crimeReport")}
        hint={t("crimeReportHint")}
        error={errors.fields.crimeReport}
      />

      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? t("sending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
