import type { Db } from "@/db/client";
import { stateBodies } from "@/db/schema";
import type { Locale } from "@/i18n/routing";

const nameIn = (b: { nameKk: string; nameRu: string; nameEn: string }, locale: Locale) =>
  locale === "ru" ? b.nameRu : locale === "en" ? b.nameEn : b.nameKk;

/**
 * The directory for a picker, named and sorted in the reader's language, narrowed to the bodies whose
 * name contains every word searched for. The directory is small (about 150 bodies), so matching is done
 * here with the language's own case rules, which the database's collation may not know for Kazakh.
 */
export async function searchStateBodies(db: Db, o: { locale: Locale; search?: string }) {
  const rows = await db
    .select({
      id: stateBodies.id,
      level: stateBodies.level,
      region: stateBodies.region,
      nameKk: stateBodies.nameKk,
      nameRu: stateBodies.nameRu,
      nameEn: stateBodies.nameEn,
    })
    .from(stateBodies);
  const words = (o.search ?? "").toLocaleLowerCase(o.locale).split(/\s+/).filter(Boolean);
  const collator = new Intl.Collator(o.locale);
  return rows
    .map((b) => ({ id: b.id, level: b.level, region: b.region, name: nameIn(b, o.locale) }))
    .filter((b) => {
      const name = b.name.toLocaleLowerCase(o.locale);
      return words.every((w) => name.includes(w));
    })
    .sort((a, b) => collator.compare(a.name, b.name));
}
