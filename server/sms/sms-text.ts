import { namespaceTranslator } from "@/i18n/namespace-translator";
import { type Locale, routing } from "@/i18n/routing";

export const asLocale = (l: string): Locale =>
  (routing.locales as readonly string[]).includes(l) ? (l as Locale) : "kk";

/** The SMS catalogue in one language. */
export const smsTranslator = (locale: string) => namespaceTranslator(asLocale(locale), "sms");

const smsDateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A day as an SMS says it, in Kazakhstan time: the date alone, the hour would only lengthen the text. */
export function smsDate(date: Date, locale: string): string {
  const lang = asLocale(locale);
  let format = smsDateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "Asia/Almaty" });
    smsDateFormats.set(lang, format);
  }
  return format.format(date);
}
