"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterInputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import { TextSuggestions } from "@/components/body-suggestion/text-suggestions";
import { chosenFiles, fileProblemsBeforeUpload } from "@/components/citizen/file-errors";
import { FormAlert } from "@/components/form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages, useLocalErrors } from "@/components/form-errors";
import { TextField } from "@/components/text-field";
import { useTRPC } from "@/components/trpc-provider";
import { useRouter } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { ATTACHMENT_ACCEPT, ATTACHMENT_MESSAGE_VALUES } from "@/server/appeals/attachment-limits";
import { bodyName } from "@/server/directory/body-name";
import type { AppRouter } from "@/server/routers/_app";
import { keepAccessCode } from "./access-code-store";
import { CheckboxField } from "./checkbox-field";
import { PhoneCheck } from "./phone-check";
import { SelectField } from "./select-field";

type SuggestInput = inferRouterInputs<AppRouter>["directory"]["suggest"];
type Option = { value: string; label: string };

type Props = {
  kinds: Option[];
  categories: Option[];
  regions: Option[];
  bodies: Option[];
  limits: { maxFiles: number; maxMegabytes: number };
};

// crypto.randomUUID exists only on secure pages; a service centre's intranet may serve plain http.
function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function AssistedFilingForm({ kinds, categories, regions, bodies, limits }: Props) {
  const t = useTranslations("operator");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const messagesOf = useErrorMessages();
  const localErrors = useLocalErrors();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  // One key per form: a double click or a retry after a lost response files one appeal, not two.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [category, setCategory] = useState("");
  const [region, setRegion] = useState("");
  const [bodyId, setBodyId] = useState("");
  const [bodyChosen, setBodyChosen] = useState(false);
  const [phone, setPhone] = useState("");
  const [citizenLocale, setCitizenLocale] = useState<string>(locale);
  const [text, setText] = useState("");
  const file = useMutation(trpc.operator.file.mutationOptions());
  const suggestions = useQuery(
    trpc.directory.suggest.queryOptions(
      { category: category as SuggestInput["category"], region: (region || null) as SuggestInput["region"] },
      { enabled: category !== "" },
    ),
  );
  const suggested = category ? (suggestions.data ?? []) : [];
  const firstSuggested = suggested[0]?.id;

  // The competent body is proposed until the operator picks one themselves.
  useEffect(() => {
    if (!bodyChosen && firstSuggested) setBodyId(firstSuggested);
  }, [bodyChosen, firstSuggested]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file.isPending) return;
    // Sent as the form is, files included; the server validates every field.
    const form = new FormData(event.currentTarget);
    form.set("idempotencyKey", idempotencyKey);
    const refused = localErrors(fileProblemsBeforeUpload(chosenFiles(form)), ATTACHMENT_MESSAGE_VALUES);
    if (refused) {
      setErrors(refused);
      return;
    }
    try {
      const receipt = await file.mutateAsync(form);
      keepAccessCode(receipt.id, receipt.accessCode);
      router.push(`/operator/receipt/${receipt.id}`);
    } catch (error) {
      setErrors(messagesOf(error));
    }
  }

  // A file's own problem is reported under "attachments.<n>"; the form shows the first under the input.
  const attachmentsError =
    errors.fields.attachments ??
    Object.entries(errors.fields).find(([name]) => name.startsWith("attachments."))?.[1];
  const suggestedIds = new Set(suggested.map((b) => b.id));
  const contactDescribedBy = ["contact-hint", errors.fields.contact && "contact-error"]
    .filter(Boolean)
    .join(" ");

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} fields={errors.fields} />
      <fieldset className="form">
        <legend>{t("citizenLegend")}</legend>
        <TextField
          name="applicantName"
          label={t("applicantName")}
          hint={t("applicantNameHint")}
          autoComplete="off"
          required
          error={errors.fields.applicantName}
        />
        <fieldset className="form" aria-describedby={contactDescribedBy}>
          <legend>{t("contactLegend")}</legend>
          <p id="contact-hint" className="hint">
            {t("contactHint")}
          </p>
          {errors.fields.contact && (
            <p id="contact-error" className="field-error">
              {errors.fields.contact}
            </p>
          )}
          <TextField
            name="phone"
            type="tel"
            label={t("phone")}
            hint={t("phoneHint")}
            autoComplete="off"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            error={errors.fields.phone}
          />
          <PhoneCheck
            phone={phone}
            locale={citizenLocale}
            codeError={errors.fields.phoneCode}
            onError={(error) => setErrors(messagesOf(error))}
          />
          <TextField
            name="address"
            label={t("address")}
            hint={t("addressHint")}
            autoComplete="off"
            error={errors.fields.address}
          />
        </fieldset>
        <TextField
          name="email"
          type="email"
          label={t("email")}
          hint={t("emailHint")}
          autoComplete="off"
          error={errors.fields.email}
        />
        <SelectField
          name="locale"
          label={t("locale")}
          value={citizenLocale}
          onChange={(e) => setCitizenLocale(e.target.value)}
          error={errors.fields.locale}
        >
          {routing.locales.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className="form">
        <legend>{t("appealLegend")}</legend>
        <SelectField name="kind" label={t("kind")} defaultValue="" required error={errors.fields.kind}>
          <option value="">{t("choose")}</option>
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="category"
          label={t("category")}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          required
          error={errors.fields.category}
        >
          <option value="">{t("choose")}</option>
          {categories.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="region"
          label={t("region")}
          value={region}
          onChange={(e) => setRegion(e.target.value)}
          error={errors.fields.region}
        >
          <option value="">{t("regionNone")}</option>
          {regions.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="bodyId"
          label={t("body")}
          hint={suggestions.isFetching ? t("bodyLoading") : t("bodyHint")}
          value={bodyId}
          onChange={(e) => {
            setBodyId(e.target.value);
            setBodyChosen(true);
          }}
          required
          error={errors.fields.bodyId}
        >
          <option value="">{t("choose")}</option>
          {suggested.length > 0 && (
            <optgroup label={t("bodySuggested")}>
              {suggested.map((b) => (
                <option key={b.id} value={b.id}>
                  {bodyName(b, locale)}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={t("bodyAll")}>
            {bodies
              .filter((b) => !suggestedIds.has(b.value))
              .map((b) => (
                <option key={b.value} value={b.value}>
                  {b.label}
                </option>
              ))}
          </optgroup>
        </SelectField>
        <TextField
          name="subject"
          label={t("subject")}
          hint={t("subjectHint")}
          maxLength={200}
          required
          error={errors.fields.subject}
        />
        <TextField
          name="text"
          label={t("text")}
          hint={t("textHint")}
          multiline
          rows={10}
          maxLength={10_000}
          required
          error={errors.fields.text}
          onValueChange={setText}
        />
        <TextSuggestions
          text={text}
          category={category}
          region={region}
          chosenId={bodyChosen ? bodyId : null}
          onPick={(b) => {
            setBodyId(b.id);
            setBodyChosen(true);
          }}
        />
        <div className="field">
          <label htmlFor="field-attachments">{t("attachments")}</label>
          <p id="field-attachments-hint" className="hint">
            {t("attachmentsHint", limits)}
          </p>
          <input
            id="field-attachments"
            name="attachments"
            type="file"
            multiple
            accept={ATTACHMENT_ACCEPT}
            aria-invalid={attachmentsError ? true : undefined}
            aria-describedby={
              attachmentsError ? "field-attachments-hint field-attachments-error" : "field-attachments-hint"
            }
          />
          {attachmentsError && (
            <p id="field-attachments-error" className="field-error">
              {attachmentsError}
            </p>
          )}
        </div>
        <CheckboxField
          name="publishConsent"
          label={t("publishConsent")}
          error={errors.fields.publishConsent}
        />
      </fieldset>

      <CheckboxField
        name="consent"
        label={t("consent")}
        hint={t("consentHint")}
        required
        error={errors.fields.consent}
      />
      <button type="submit" disabled={file.isPending}>
        {file.isPending ? t("working") : t("submit")}
      </button>
    </form>
  );
}
