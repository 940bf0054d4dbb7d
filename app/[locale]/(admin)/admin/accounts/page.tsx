import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountActions } from "@/components/accounts/account-actions";
import { CreateStaffForm } from "@/components/accounts/create-staff-form";
import { USER_ROLES, type UserRole } from "@/db/schema";
import { requireUser } from "@/server/auth/require-user";
import { getCaller } from "@/server/caller";
import { bodyName } from "@/server/directory/body-name";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string; role?: string }> };

export default async function AccountsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser(locale);
  const { q, role } = await searchParams;
  const caller = await getCaller();
  const roleFilter = (USER_ROLES as readonly string[]).includes(role ?? "") ? (role as UserRole) : undefined;
  const [accounts, bodies] = await Promise.all([
    caller.accounts.list({ search: q?.slice(0, 120), role: roleFilter }),
    caller.directory.list({ locale: locale === "ru" || locale === "en" ? locale : "kk" }),
  ]);
  const t = await getTranslations("accounts");
  const tr = await getTranslations("roles");
  return (
    <>
      <h1>{t("title")}</h1>
      <section aria-labelledby="create-staff">
        <h2 id="create-staff">{t("createTitle")}</h2>
        <p>{t("createLead")}</p>
        <CreateStaffForm bodies={bodies} />
      </section>
      <section aria-labelledby="all-accounts">
        <h2 id="all-accounts">{t("listTitle")}</h2>
        <form method="get" className="inline-form" aria-label={t("search")}>
          <label htmlFor="accounts-q">{t("search")}</label>
          <input id="accounts-q" name="q" defaultValue={q ?? ""} />
          <label htmlFor="accounts-role">{t("role")}</label>
          <select id="accounts-role" name="role" defaultValue={roleFilter ?? ""}>
            <option value="">{t("anyRole")}</option>
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
          <button type="submit">{t("filter")}</button>
        </form>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("fullName")}</th>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("body")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id}>
                  <td data-label={t("fullName")}>{a.fullName}</td>
                  <td data-label={t("email")}>{a.email}</td>
                  <td data-label={t("role")}>{tr(a.role)}</td>
                  <td data-label={t("body")}>{a.body ? bodyName(a.body, locale) : "—"}</td>
                  <td data-label={t("status")}>{a.disabled ? t("disabled") : t("active")}</td>
                  <td data-label={t("actions")}>
                    <AccountActions account={a} bodies={bodies} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
