import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["kk", "ru", "en"],
  // Kazakh is the state language; Russian and English are one click away on every page.
  defaultLocale: "kk",
});

export type Locale = (typeof routing.locales)[number];
