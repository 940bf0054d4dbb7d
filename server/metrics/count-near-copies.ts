import { FORMAL_MIN_COPIES, NEAR_COPY_POSITIONS, SIGNATURE_SIZE, WINDOW_DAYS } from "./answer-signature";

/**
 * One signed answer of a body; `at` in microseconds since the epoch, PostgreSQL's own precision. Answers
 * with the same signature should share the same `minhash` and `bands` arrays (see countNearCopies).
 */
export type SignedAnswer = {
  appealId: string;
  at: number;
  minhash: readonly number[];
  bands: readonly number[];
};

const WINDOW_MICROS = WINDOW_DAYS * 86_400 * 1_000_000;
// Copied from their module: the inner loops read them billions of times in a bulk pass.
const SIZE = SIGNATURE_SIZE;
const ENOUGH = FORMAL_MIN_COPIES;

const MAX_DIFFERENT = SIZE - NEAR_COPY_POSITIONS;

function isNearCopy(a: readonly number[], b: readonly number[]): boolean {
  let different = 0;
  for (let i = 0; i < SIZE; i++) if (a[i] !== b[i] && ++different > MAX_DIFFERENT) return false;
  return true;
}

type DistinctSignature = { minhash: readonly number[]; bands: readonly number[] };

/**
 * The near-copy count of each answer in `count`, among the answers of one body (`count` and `earlier`
 * together), by the same rule the answer-time query applies one answer at a time (record-answer-signature.ts):
 * earlier answers (ties broken by appeal id) within the window that share a band and enough signature
 * positions, counted up to FORMAL_MIN_COPIES. A body's answers repeat a few signatures (templates), so each
 * distinct signature is kept once, and one sweep in time order keeps how many of each signature's answers
 * are inside the window; an answer compares itself only with the signatures that share a band with it and
 * have answers there: a bulk pass over millions of answers, where one index probe per answer read thousands
 * of rows.
 */
export function countNearCopies(
  count: readonly SignedAnswer[],
  earlier: readonly SignedAnswer[],
): Map<string, number> {
  const all = [...earlier.map((a) => ({ a, counted: false })), ...count.map((a) => ({ a, counted: true }))];
  all.sort(
    (x, y) => x.a.at - y.a.at || (x.a.appealId < y.a.appealId ? -1 : x.a.appealId > y.a.appealId ? 1 : 0),
  );
  const times = Float64Array.from(all, (x) => x.a.at);

  // Keyed by the array itself: a caller that hands one array to every answer with the same signature has
  // each distinct signature compared once. Two equal arrays are two neighbours, counted the same.
  const signatureIndex = new Map<readonly number[], number>();
  const signatures: DistinctSignature[] = [];
  const signatureOfRow = new Int32Array(all.length);
  for (const [i, { a }] of all.entries()) {
    let s = signatureIndex.get(a.minhash);
    if (s === undefined) {
      s = signatures.length;
      signatureIndex.set(a.minhash, s);
      signatures.push({ minhash: a.minhash, bands: a.bands });
    }
    signatureOfRow[i] = s;
  }

  // Per band, the distinct signatures that have it (a few, mostly: the body salts the bands).
  const bucket = new Map<number, number[]>();
  for (const [s, sig] of signatures.entries()) {
    for (const band of new Set(sig.bands)) {
      const members = bucket.get(band);
      if (members) members.push(s);
      else bucket.set(band, [s]);
    }
  }
  // One sweep in time order; inWindow holds, per signature, its answers from the window's start to here.
  const inWindow = new Int32Array(signatures.length);
  // Which answer last looked at each signature: a signature sharing several bands is counted once.
  const seenBy = new Int32Array(signatures.length).fill(-1);
  let windowStart = 0;
  const counts = new Map<string, number>();
  for (const [i, { a, counted }] of all.entries()) {
    while ((times[windowStart] as number) < a.at - WINDOW_MICROS) {
      const leaving = signatureOfRow[windowStart++] as number;
      inWindow[leaving] = (inWindow[leaving] as number) - 1;
    }
    const s = signatureOfRow[i] as number;
    if (counted) {
      const sig = signatures[s] as DistinctSignature;
      // The same signature first: a template's copies settle here, without comparing anything.
      let n = inWindow[s] as number;
      seenBy[s] = i;
      search: for (const band of sig.bands) {
        if (n >= ENOUGH) break;
        for (const o of bucket.get(band) ?? []) {
          if (seenBy[o] === i || inWindow[o] === 0) continue;
          seenBy[o] = i;
          if (isNearCopy(sig.minhash, (signatures[o] as DistinctSignature).minhash)) {
            n += inWindow[o] as number;
            if (n >= ENOUGH) break search;
          }
        }
      }
      counts.set(a.appealId, Math.min(n, ENOUGH));
    }
    inWindow[s] = (inWindow[s] as number) + 1;
  }
  return counts;
}
