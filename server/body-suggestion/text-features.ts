/**
 * What the body-suggestion model reads of an appeal: its text as overlapping character 3-, 4- and
 * 5-grams, hashed into 2^20 buckets, plus its region and category when chosen. Character n-grams need no
 * tokenizer or stemmer, so Kazakh, Russian and a text mixing both are read alike, and an inflected word
 * shares most of its n-grams with its root (жолдар, жолда, жол).
 */
export const FEATURE_BUCKETS = 2 ** 20;
const SIZES = [3, 4, 5] as const;
/**
 * Region and category weigh as much as this many n-grams: where the citizen chose them, they decide between
 * bodies that hear the same matters in different places, which the text rarely names (tuned on generated
 * appeals: at 20 the text drowned them, accuracy@3 0.48).
 */
export const CHOICE_WEIGHT = 300;

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

export const choiceFeature = (kind: "region" | "category", value: string | null) =>
  hash(`\u0000${kind}:${value ?? "-"}`);

export function textFeatures(
  text: string,
  o: { region?: string | null; category?: string | null } = {},
): Features {
  const features: Features = new Map();
  const add = (f: number, n: number) => features.set(f, (features.get(f) ?? 0) + n);
  const chars = [...normalizeText(text)];
  for (const size of SIZES) {
    for (let i = 0; i + size <= chars.length; i++) add(hash(chars.slice(i, i + size).join("")), 1);
  }
  // Out of the n-gram space in spirit ("\u0000" never survives normalizeText), though they share buckets.
  if (o.region !== undefined) add(choiceFeature("region", o.region), CHOICE_WEIGHT);
  if (o.category) add(choiceFeature("category", o.category), CHOICE_WEIGHT);
  return features;
}
