/**
 * Formal replies (docs/metrics.md): an answer's text is normalised (the appeal's own subject and quoted
 * text, names, numbers, dates and addresses removed), cut into word shingles, and summarised by a MinHash
 * signature whose equal positions estimate the Jaccard similarity of two answers' shingle sets. Bands of
 * the signature, salted with the body, are indexed in PostgreSQL so that near-copies are found there.
 */

export const SIGNATURE_SIZE = 64;
export const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;
const SHINGLE = 3;

/** Estimated Jaccard similarity at or above which two normalised answers are near-copies. */
export const NEAR_COPY_SIMILARITY = 0.5;
/** An answer is formal when the body sent at least this many near-copies of it within the window before. */
export const FORMAL_MIN_COPIES = 2;
/** The rolling window, in days, an answer is compared over. */
export const WINDOW_DAYS = 90;
/** Equal signature positions needed: ⌈0.5 × 64⌉. */
export const NEAR_COPY_POSITIONS = Math.ceil(NEAR_COPY_SIMILARITY * SIGNATURE_SIZE);

/** What the answer may repeat from its appeal, to be taken out before comparing. */
export type AppealContext = {
  subject?: string | null;
  text?: string | null;
  applicantName?: string | null;
  applicantAddress?: string | null;
  locationText?: string | null;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const words = (s: string | null | undefined) => (s ?? "").toLocaleLowerCase("ru").match(/\p{L}{2,}/gu) ?? [];

/**
 * The words of the answer that say something of its own: lower-case, without the appeal's subject, any
 * quoted text, the applicant's name and address, names (capitalised words inside a sentence), numbers,
 * dates, e-mail addresses and links.
 */
export function normaliseAnswer(answer: string, appeal: AppealContext = {}): string[] {
  let s = answer;
  // The appeal's own sentences, quoted with or without quotation marks, are not the answer's words.
  const sentences = (appeal.text ?? "").split(/[.!?\n]+/u).filter((x) => x.trim().length >= 15);
  for (const phrase of [appeal.subject, appeal.locationText, appeal.applicantAddress, ...sentences]) {
    const p = phrase?.trim();
    if (p && p.length >= 3) s = s.replace(new RegExp(escapeRegExp(p), "giu"), " ");
  }
  s = s
    .replace(/«[^»]*»|"[^"]*"|„[^“”]*[“”]|“[^”]*”/gu, " ")
    // Anchored at a token's start: unanchored, each pattern was tried from every character of every word
    // and scanned the rest of it, most of the time signing took. The matches are the same: the leftmost
    // match already began at a token's start.
    .replace(/(?<!\S)\S+@\S+|https?:\/\/\S+/gu, " ")
    // A capitalised word that does not start a sentence: a name, a street, a place.
    // After an address abbreviation ("ул. Абая", "көш."), a capitalised word is a street or a place.
    .replace(/(?<=(?:[\p{L}\d,;:)\-–—№]|(?:ул|д|пр|мкр|г|с|көш|даңғ|ш)\.)\s+)\p{Lu}[\p{L}'’-]*/gu, " ")
    // Numbers, dates, registration numbers, phone numbers: any word with a digit in it.
    .replace(/(?<![^\s«»"])[^\s«»"]*\d[^\s«»"]*/gu, " ");
  // The applicant's name in any order or case (the subject goes as a phrase above: its words are common).
  const drop = new Set(words(appeal.applicantName));
  return words(s).filter((w) => !drop.has(w));
}

/** FNV-1a over the characters: a fast, well-spread 32-bit hash. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: turns one 32-bit value into another, well mixed. */
function mix(h: number): number {
  let x = h >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i * 0x7f4a7c15));

/** The set of word shingles (3 words in a row; the words themselves when fewer), hashed. */
export function shingles(tokens: readonly string[]): Set<number> {
  const out = new Set<number>();
  if (tokens.length < SHINGLE) {
    for (const t of tokens) out.add(fnv1a(t));
    return out;
  }
  for (let i = 0; i + SHINGLE <= tokens.length; i++) out.add(fnv1a(tokens.slice(i, i + SHINGLE).join(" ")));
  return out;
}

/** MinHash: per seed, the least mixed hash over the shingles, as signed 32-bit integers (PostgreSQL int4). */
export function minhash(set: ReadonlySet<number>): number[] {
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0x7fffffff);
  if (set.size === 0) return sig;
  const min = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of set) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix(h ^ (SEEDS[i] as number));
      if (v < (min[i] as number)) min[i] = v;
    }
  }
  for (let i = 0; i < SIGNATURE_SIZE; i++) sig[i] = (min[i] as number) | 0;
  return sig;
}

/** One hash per band of ROWS positions, salted with the body so that bands never match across bodies. */
export function bandsOf(sig: readonly number[], bodyId: string): number[] {
  const salt = fnv1a(bodyId);
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix(salt ^ Math.imul(b + 1, 0x9e3779b1));
    for (let r = 0; r < ROWS; r++) h = mix(h ^ ((sig[b * ROWS + r] as number) >>> 0));
    out.push(h | 0);
  }
  return out;
}

export type Signature = { minhash: number[]; bands: number[] };

export function signAnswer(text: string, appeal: AppealContext, bodyId: string): Signature {
  const sig = minhash(shingles(normaliseAnswer(text, appeal)));
  return { minhash: sig, bands: bandsOf(sig, bodyId) };
}

/** The share of equal positions: the estimate of Jaccard similarity two signatures give. */
export function estimatedSimilarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}
