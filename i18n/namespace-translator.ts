import { createTranslator } from "next-intl";
import { loadMessages } from "./messages";
import type { Locale } from "./routing";

/** A catalogue's messages in one namespace; loaded at run time, so its keys are not known to the type checker. */
export type NamespaceTranslator = (key: string, values?: Record<string, string>) => string;

const translators = new Map<string, Promise<NamespaceTranslator>>();

/**
 * One translator per language and namespace for the life of the process: the catalogues are fixed at
 * build time, and loading them and building a translator cost more than a filing's database work (a third
 * of the filing bench's CPU went to making the receipt SMS's translator anew for each appeal).
 */
export function namespaceTranslator(locale: Locale, namespace: string): Promise<NamespaceTranslator> {
  const key = `${locale}:${namespace}`;
  let translator = translators.get(key);
  if (!translator) {
    translator = loadMessages(locale).then(
      (messages) => createTranslator({ locale, messages, namespace }) as unknown as NamespaceTranslator,
    );
    translators.set(key, translator);
  }
  return translator;
}
