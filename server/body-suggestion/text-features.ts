/**
 * What the body-suggestion model reads of an appeal: its text as overlapping character 3-, 4- and
 * 5-grams, hashed into 2^20 buckets, plus its region and category when chosen. Character n-grams need no
 * tokenizer or stemmer, so Kazakh, Russian and a text mixing both are read alike, and an inflected word
 * shares most of its n-grams with its root (жолдар, жолда, жол).
 *
 * Each n-gram is counted twice: once for any category and once within the appeal's category. Given the
 * category, the text then only has to tell bodies apart among those hearing it (where the place or the
 * addressee it names decides), instead of telling the category again, which favoured the bodies that hear
 * that one category only.
 */
export const FEATURE_BUCKETS = 2 ** 20;
const SIZES = [3, 4, 5] as const;

/** The scope of n-grams counted for any category, as a query without a chosen category reads them. */
export const ANY_CATEGORY = "*";

// FNV-1a, 32 bits: fast, stable across processes and releases (the stored model depends on it).
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % FEATURE_BUCKETS;
}

/** Lower case, letters and digits only, one space between words and around the text. */
export const normalizeText = (text: string) =>
  ` ${text
    .toLocaleLowerCase("kk")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;

export type Features = Map<number, number>;

// "\u0000" and "\u0001" never survive normalizeText: these keys are out of the n-gram space in spirit,
// though they share its buckets.
export const choiceFeature = (kind: "region" | "category", value: string | null) =>
  hash(`\u0000${kind}:${value ?? "-"}`);

/** Where a body's count of n-grams within a scope (a category, or ANY_CATEGORY) is kept. */
export const scopeTokensFeature = (scope: string) => hash(`\u0000tokens:${scope}`);

/** The text's n-grams within a scope (a category, or ANY_CATEGORY), with how often each occurs. */
export function textFeatures(text: string, scope: string): Features {
  const features: Features = new Map();
  const chars = [...normalizeText(text)];
  for (const size of SIZES) {
    for (let i = 0; i + size <= chars.length; i++) {
      const f = hash(`${scope}\u0001${chars.slice(i, i + size).join("")}`);
      features.set(f, (features.get(f) ?? 0) + 1);
    }
  }
  return features;
}
