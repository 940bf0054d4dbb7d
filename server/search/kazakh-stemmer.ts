import { KAZAKH_SUFFIXES } from "./kazakh-suffixes";

/** A stem shorter than this is too broad a prefix (it would match half the dictionary). */
const MIN_STEM = 3;

// Longest first, so "дан" is tried before "да" and "ымыз" before "ым".
const byLength = (list: readonly string[]) => [...new Set(list)].sort((a, b) => b.length - a.length);
const CLASSES = [
  byLength(KAZAKH_SUFFIXES.case),
  byLength(KAZAKH_SUFFIXES.possessive),
  byLength(KAZAKH_SUFFIXES.plural),
];

/**
 * A Kazakh word's stem, by stripping at most one ending of each class from the end in the order they
 * stack backwards: case, then possessive, then plural ("жолдарымызда" → "жол"). An ending is only cut
 * when at least MIN_STEM letters stay. Used on the query only: the stem then matches every inflected form
 * in the index as a prefix (жол:* finds жолда, жолдар), so the stored documents need no stemming.
 */
export function stemKazakh(word: string): string {
  let stem = word.toLocaleLowerCase("kk");
  for (const suffixes of CLASSES) {
    const cut = suffixes.find((s) => stem.endsWith(s) && [...stem].length - [...s].length >= MIN_STEM);
    if (cut) stem = stem.slice(0, stem.length - cut.length);
  }
  return stem;
}

/**
 * The words of a search as a to_tsquery('simple', …) text of stem prefixes, all required
 * ("жолдардағы шұңқырлар" → "жол:* & шұңқыр:*"), or null when no word is long enough. A word written
 * "-word" is excluded, as websearch_to_tsquery reads it, and its "or" is left to that query. Only letters
 * reach the query, so nothing a person types can break its syntax.
 */
export function kazakhPrefixQuery(search: string): string | null {
  const terms = new Set<string>();
  for (const token of search.toLocaleLowerCase("kk").split(/\s+/)) {
    if (token === "or") continue;
    const negated = token.startsWith("-");
    for (const word of token.match(/\p{L}+/gu) ?? []) {
      if ([...word].length >= MIN_STEM) terms.add(`${negated ? "!" : ""}${stemKazakh(word)}:*`);
    }
  }
  // A query of exclusions alone would match nearly everything: the other configurations decide it.
  if (![...terms].some((t) => !t.startsWith("!"))) return null;
  return [...terms].join(" & ");
}
