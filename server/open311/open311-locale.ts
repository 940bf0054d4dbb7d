import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import { isLocale, type Locale, routing } from "@/i18n/routing";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The language of names and notices in an answer: `?locale=` if given (kk, ru, en), else the best of
 * Accept-Language, else Kazakh, the state language. Codes and values never depend on it.
 */
export function requestLocale(request: Request): Locale {
  const param = new URL(request.url).searchParams.get("locale")?.trim().toLowerCase();
  if (param && isLocale(param)) return param;
  const ranked = (request.headers.get("accept-language") ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...options] = part.trim().split(";");
      const q = options.map((o) => /^\s*q=([\d.]+)\s*$/.exec(o)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", q: q === undefined ? 1 : Number(q) };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((l) => l.language).find(isLocale) ?? routing.defaultLocale;
}

/** The catalogues (appeal kinds, categories, statuses, the open311 area) in one language. */
export async function open311Translator(locale: Locale): Promise<Translate> {
  // The catalogue is loaded at run time, so its keys are not known to the type checker here.
  return createTranslator({ locale, messages: await loadMessages(locale) }) as unknown as Translate;
}
