import { formatInAlmaty } from "@/i18n/almaty-format";
import { namespaceTranslator } from "@/i18n/namespace-translator";
import { asLocale } from "@/i18n/routing";

/** The SMS catalogue in one language. */
export const smsTranslator = (locale: string) => namespaceTranslator(asLocale(locale), "sms");

/** A day as an SMS says it, in Kazakhstan time: the date alone, the hour would only lengthen the text. */
export const smsDate = (date: Date, locale: string) => formatInAlmaty(date, asLocale(locale), "date");
