import { describe, expect, it } from "vitest";
import { NOTIFICATION_TYPES } from "@/db/schema";
import { DOMAIN_ERROR_CODES } from "@/server/errors";
import { loadMessages } from "./messages";
import { routing } from "./routing";

type Tree = { [key: string]: string | Tree };

// Every key path of a catalogue, so that the three languages can be compared leaf by leaf.
function leaves(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
}

const catalogues = Object.fromEntries(
  await Promise.all(routing.locales.map(async (l) => [l, (await loadMessages(l)) as Tree] as const)),
);
const keysOf = (locale: string) => new Set(leaves(catalogues[locale] as Tree));

describe("the kk, ru and en catalogues", () => {
  it("hold the same keys, none of them empty", () => {
    const english = [...keysOf("en")].sort();
    for (const locale of routing.locales) {
      expect([...keysOf(locale)].sort(), locale).toEqual(english);
      const empty = leaves(catalogues[locale] as Tree).filter((path) => {
        const value = path.split(".").reduce<unknown>((node, k) => (node as Tree)[k], catalogues[locale]);
        return (value as string).trim() === "";
      });
      expect(empty, locale).toEqual([]);
    }
  });

  it("name every notification in the list and in the mail, and every domain error", () => {
    for (const locale of routing.locales) {
      const keys = keysOf(locale);
      const missing = [
        ...NOTIFICATION_TYPES.map((t) => `notification.types.${t}`),
        ...NOTIFICATION_TYPES.map((t) => `mail.${t}.subject`),
        ...Object.keys(DOMAIN_ERROR_CODES).map((code) => `errors.${code}`),
      ].filter((key) => !keys.has(key));
      expect(missing, locale).toEqual([]);
    }
  });
});
