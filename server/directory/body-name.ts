type Named = { nameKk: string; nameRu: string; nameEn: string };

/** The name of a directory entry in the reader's language. */
export function bodyName(body: Named, locale: string): string {
  return locale === "ru" ? body.nameRu : locale === "en" ? body.nameEn : body.nameKk;
}
