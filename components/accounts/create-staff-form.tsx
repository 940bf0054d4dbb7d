"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useRouter } from "@/i18n/navigation";
import { FormAlert } from "../form-alert";
import { type FormErrors, NO_ERRORS, useErrorMessages } from "../form-errors";
import { TextField } from "../text-field";
import { useTRPC } from "../trpc-provider";
import { type BodyOption, BodyOptions } from "./body-options";

const STAFF_ROLES = ["official", "operator", "moderator", "auditor", "admin"] as const;

/** Creates a staff account; its first password is shown here once, for the admin to hand over. */
export function CreateStaffForm({ bodies }: { bodies: BodyOption[] }) {
  const t = useTranslations("accounts");
  const tr = useTranslations("roles");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const create = useMutation(trpc.accounts.create.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    try {
      const result = await create.mutateAsync({
        fullName: String(form.get("fullName") ?? ""),
        email,
        role: String(form.get("role")) as (typeof STAFF_ROLES)[number],
        bodyId: String(form.get("bodyId") ?? "") || null,
      });
      setErrors(NO_ERRORS);
      setCreated({ email, password: result.password });
      router.refresh();
    } catch (error) {
      setCreated(null);
      setErrors(messagesOf(error));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={errors.form} fields={errors.fields} />
      {created && (
        <output className="alert alert-ok">
          {t("created", { email: created.email })} <code className="access-code">{created.password}</code>
        </output>
      )}
      <TextField name="fullName" label={t("fullName")} required error={errors.fields.fullName} />
      <TextField name="email" type="email" label={t("email")} required error={errors.fields.email} />
      <div className="field">
        <label htmlFor="staff-role">{t("role")}</label>
        <select id="staff-role" name="role" defaultValue="official">
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="staff-body">{t("body")}</label>
        <p id="staff-body-hint" className="hint">
          {t("bodyHint")}
        </p>
        <select id="staff-body" name="bodyId" defaultValue="" aria-describedby="staff-body-hint">
          <option value="">{t("noBody")}</option>
          <BodyOptions bodies={bodies} />
        </select>
      </div>
      <button type="submit" disabled={create.isPending}>
        {t("create")}
      </button>
    </form>
  );
}
