"use client";
import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

// Each language names itself, so a reader finds theirs whatever the page's language.
const SELF_NAMES = { kk: "Қазақша", ru: "Русский", en: "English" } as const;

export function LanguageSwitcher() {
  const t = useTranslations("nav");
  const current = useLocale();
  const pathname = usePathname();
  return (
    <nav aria-label={t("language")} className="languages">
      <ul>
        {routing.locales.map((locale) => (
          <li key={locale}>
            <Link
              href={pathname}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
            >
              {SELF_NAMES[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
