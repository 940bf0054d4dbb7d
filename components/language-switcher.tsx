"use client";
import { useSearchParams } from "next/navigation";
import { useLocale } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

// Each language names itself, so a reader finds theirs whatever the page's language.
const SELF_NAMES = { kk: "Қазақша", ru: "Русский", en: "English" } as const;

/** `label` names the list, translated by the server: no message formatting in every page's script. */
export function LanguageSwitcher({ label }: { label: string }) {
  const current = useLocale();
  const pathname = usePathname();
  // The same page in another language keeps its search and filters.
  const query = useSearchParams().toString();
  const href = query ? `${pathname}?${query}` : pathname;
  return (
    <nav aria-label={label} className="languages">
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
