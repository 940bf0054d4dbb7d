import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Link } from "@/components/locale-link";
import type { Locale } from "@/i18n/routing";
import type { SessionUser } from "@/server/auth/sessions";
import { LanguageSwitcher } from "./language-switcher";
import { navigationFor } from "./role-navigation";
import { SignOutButton } from "./sign-out-button";

/**
 * On a phone the links fold into a menu (a <details>, so it opens before any script loads); from 48rem up
 * the menu is always open and its toggle hidden (globals.css). The unread count shows on the toggle too,
 * so a folded menu still says that something is waiting.
 */
type Props = { user: SessionUser | null; unread: number; locale: Locale };

export async function SiteHeader({ user, unread, locale }: Props) {
  const t = await getTranslations("nav");
  const tr = await getTranslations("roles");
  const links = navigationFor(user?.role ?? null);
  const count =
    unread > 0 ? (
      <span className="count">
        {unread}
        <span className="visually-hidden"> {t("unread", { count: unread })}</span>
      </span>
    ) : null;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <div className="bar">
        <Link href="/" className="brand">
          {t("brand")}
        </Link>
        <Suspense fallback={null}>
          <LanguageSwitcher label={t("language")} current={locale} />
        </Suspense>
      </div>
      <details className="menu">
        <summary>
          {t("menu")}
          {count}
        </summary>
        <nav aria-label={t("main")} className="main-nav">
          <ul>
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href}>
                  {t(link.label)}
                  {link.label === "notifications" && count}
                </Link>
              </li>
            ))}
          </ul>
          {user ? (
            <div className="session">
              <span>{t("signedInAs", { name: user.fullName, role: tr(user.role) })}</span>
              <SignOutButton label={t("signOut")} />
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
      </details>
    </header>
  );
}
