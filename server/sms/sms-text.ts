import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import { type Locale, routing } from "@/i18n/routing";

export const asLocale = (l: string): Locale =>
  (routing.locales as readonly string[]).includes(l) ? (l as Locale) : "kk";

/** The SMS catalogue in one language. Loaded at run time, so its keys are not known to the type checker. */
export async function smsTranslator(locale: string) {
  const lang = asLocale(locale);
  return createTranslator({
    locale: lang,
    messages: await loadMessages(lang),
    namespace: "sms",
  }) as unknown as (key: string, values?: Record<string, string>) => string;
}

/** A day as an SMS says it, in Kazakhstan time: the date alone, the hour would only lengthen the text. */
export const smsDate = (date: Date, locale: string) =>
  new Intl.DateTimeFormat(asLocale(locale), { dateStyle: "long", timeZone: "Asia/Almaty" }).format(date);
