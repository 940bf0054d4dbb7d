import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { SessionUser } from "@/server/auth/sessions";
import { LanguageSwitcher } from "./language-switcher";
import { navigationFor } from "./role-navigation";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader({ user }: { user: SessionUser | null }) {
  const t = await getTranslations("nav");
  const tr = await getTranslations("roles");
  const links = navigationFor(user?.role ?? null);
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <div className="bar">
        <Link href="/" className="brand">
          {t("brand")}
        </Link>
        <LanguageSwitcher />
      </div>
      <nav aria-label={t("main")} className="main-nav">
        <ul>
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{t(link.label)}</Link>
            </li>
          ))}
        </ul>
        {user ? (
          <div className="session">
            <span>{t("signedInAs", { name: user.fullName, role: tr(user.role) })}</span>
            <SignOutButton />
          </div>
        ) : (
          <ul>
            <li>
              <Link href="/sign-in">{t("signIn")}</Link>
            </li>
            <li>
              <Link href="/register">{t("register")}</Link>
            </li>
          </ul>
        )}
      </nav>
    </header>
  );
}
