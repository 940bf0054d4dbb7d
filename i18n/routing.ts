import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["kk", "ru", "en"],
  // Kazakh is the state language; Russian and English are one click away on every page.
  defaultLocale: "kk",
});

export type Locale = (typeof routing.locales)[number];

// Not next-intl's hasLocale: client components import this file, and next-intl's root brings its provider.
export const isLocale = (l: string | null | undefined): l is Locale =>
  (routing.locales as readonly unknown[]).includes(l);

/** A stored or requested language as one the service speaks: the state language when it is none of them. */
export const asLocale = (l: string | null | undefined): Locale => (isLocale(l) ? l : routing.defaultLocale);
