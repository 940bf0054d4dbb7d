"use client";
import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

// Each language names itself, so a reader finds theirs whatever the page's language.
const SELF_NAMES = { kk: "Қазақша", ru: "Русский", en: "English" } as const;

export function LanguageSwitcher() {
  const t = useTranslations("nav");
  const current = useLocale();
  const pathname = usePathname();
  // The same page in another language keeps its search and filters.
  const query = useSearchParams().toString();
  const href = query ? `${pathname}?${query}` : pathname;
  return (
    <nav aria-label={t("language")} className="languages">
      <ul>
        {routing.locales.map((locale) => (
          <li key={locale}>
            <Link
              href={href}
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
