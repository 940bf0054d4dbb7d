import type { Locale } from "./routing";

type QueryValue = string | number | boolean;
export type LocaleHref =
  | string
  | {
      pathname: string;
      query?: Record<string, QueryValue | readonly QueryValue[] | undefined>;
      hash?: string;
    };

/**
 * The address of `href` in `locale`, as next-intl's getPathname makes it for this routing (every address
 * starts with its language, no translated pathnames). For server components: importing next-intl's
 * navigation there also declares its client Link, whose provider and message formatter (12.3 KB gzip)
 * the bundler then sends with the page even where nothing renders that Link.
 */
export function localePath(locale: Locale, href: LocaleHref): string {
  // Another site's address, or a place on this very page, stays as written, as with next-intl's Link.
  if (typeof href === "string" && /^([a-z][a-z0-9+.-]*:|#)/i.test(href)) return href;
  const { pathname, query, hash } = typeof href === "string" ? { pathname: href } : href;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
  }
  const searchText = search.size > 0 ? `?${search}` : "";
  return `/${locale}${pathname === "/" ? "" : pathname}${searchText}${hash ? `#${hash}` : ""}`;
}
