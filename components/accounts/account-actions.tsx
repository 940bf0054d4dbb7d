"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { USER_ROLES } from "@/db/schema/users";
import { useRouter } from "@/i18n/navigation";
import { FormAlert } from "../form-alert";
import { useErrorMessages } from "../form-errors";
import { useTRPC } from "../trpc-provider";
import { type BodyOption, BodyOptions } from "./body-options";

type Account = { id: string; email: string; role: (typeof USER_ROLES)[number]; disabled: boolean };

/** Changing a role or disabling an account ends its sessions at once (see server/accounts). */
export function AccountActions({ account, bodies }: { account: Account; bodies: BodyOption[] }) {
  const t = useTranslations("accounts");
  const tr = useTranslations("roles");
  const trpc = useTRPC();
  const router = useRouter();
  const messagesOf = useErrorMessages();
  const [error, setError] = useState<string | null>(null);
  const changeRole = useMutation(trpc.accounts.changeRole.mutationOptions());
  const setDisabled = useMutation(trpc.accounts.setDisabled.mutationOptions());
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(null);
      router.refresh();
    } catch (e) {
      setError(messagesOf(e).form);
    }
  };

  function onChangeRole(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(() =>
      changeRole.mutateAsync({
        userId: account.id,
        role: String(form.get("role")) as Account["role"],
        bodyId: String(form.get("bodyId") ?? "") || null,
      }),
    );
  }

  const roleId = `role-${account.id}`;
  const bodyId = `body-${account.id}`;
  return (
    <div className="account-actions">
      <FormAlert message={error} />
      <form
        onSubmit={onChangeRole}
        className="inline-form"
        aria-label={t("changeRoleOf", { email: account.email })}
      >
        <label htmlFor={roleId}>{t("role")}</label>
        <select id={roleId} name="role" defaultValue={account.role}>
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
        <label htmlFor={bodyId}>{t("body")}</label>
        <select id={bodyId} name="bodyId" defaultValue="">
          <option value="">{t("noBody")}</option>
          <BodyOptions bodies={bodies} />
        </select>
        <button type="submit" className="secondary">
          {t("changeRole")}
        </button>
      </form>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void run(() => setDisabled.mutateAsync({ userId: account.id, disabled: !account.disabled }))
        }
      >
        {account.disabled ? t("enable", { email: account.email }) : t("disable", { email: account.email })}
      </button>
    </div>
  );
}
