"use client";
import NextLink from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { type Locale, routing } from "@/i18n/routing";

// Each language names itself, so a reader finds theirs whatever the page's language.
const SELF_NAMES = { kk: "Қазақша", ru: "Русский", en: "English" } as const;

/**
 * The cookie next-intl's middleware reads for the bare address, set as its own Link sets it on a switch:
 * the client router may answer the other language's page from its cache without asking the server.
 */
function rememberLocale(locale: Locale) {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from browsers still in use (Firefox)
  document.cookie = `NEXT_LOCALE=${locale};path=/;sameSite=lax;`;
}

/**
 * `label` names the list and `current` is the page's language, both from the server: this component is on
 * every page, and next-intl's client hooks would bring its provider and message formatter to all of them.
 */
export function LanguageSwitcher({ label, current }: { label: string; current: Locale }) {
  // Every address starts with its language (the default "always" prefix): the rest is the same page.
  const rest = usePathname().replace(/^\/[^/]+/, "");
  // The same page in another language keeps its search and filters.
  const query = useSearchParams().toString();
  return (
    <nav aria-label={label} className="languages">
      <ul>
        {routing.locales.map((locale) => (
          <li key={locale}>
            <NextLink
              href={`/${locale}${rest}${query ? `?${query}` : ""}`}
              prefetch={locale === current ? undefined : false}
              onClick={locale === current ? undefined : () => rememberLocale(locale)}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
            >
              {SELF_NAMES[locale]}
            </NextLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
