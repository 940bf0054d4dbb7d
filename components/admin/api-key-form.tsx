"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useRouter } from "@/i18n/navigation";
import { FormAlert } from "../form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "../form-errors";
import { TextField } from "../text-field";
import { useTRPC } from "../trpc-provider";

/** Issues an Open311 key; the key is shown here once, as only its hash is stored. */
export function ApiKeyForm() {
  const t = useTranslations("open311.apiKeys");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const issue = useMutation(trpc.apiKeys.issue.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const key = await issue.mutateAsync({
        name: String(form.get("name") ?? ""),
        accountEmail: String(form.get("accountEmail") ?? ""),
      });
      setErrors(NO_ERRORS);
      setIssued({ name: key.name, key: key.key });
      router.refresh();
    } catch (error) {
      setIssued(null);
      setErrors(messagesOf(error));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} fields={errors.fields} />
      <div role="status">
        {issued && (
          <div className="alert alert-ok">
            <p>{t("issued", { name: issued.name })}</p>
            <label htmlFor="issued-key">{t("keyLabel")}</label>
            <input id="issued-key" readOnly value={issued.key} onFocus={(e) => e.currentTarget.select()} />
          </div>
        )}
      </div>
      <TextField
        name="name"
        label={t("nameLabel")}
        hint={t("nameHint")}
        required
        maxLength={120}
        error={errors.fields.name}
      />
      <TextField
        name="accountEmail"
        type="email"
        label={t("accountLabel")}
        hint={t("accountHint")}
        required
        autoComplete="off"
        error={errors.fields.accountEmail}
      />
      <button type="submit" disabled={issue.isPending}>
        {issue.isPending ? t("issuing") : t("issue")}
      </button>
    </form>
  );
}
