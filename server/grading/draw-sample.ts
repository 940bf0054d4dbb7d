import { createHash } from "node:crypto";

export type Stratum = { key: string; population: readonly string[]; size: number };
export type DrawnStratum = { key: string; chosen: { index: number; id: string }[] };

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A stream of 32-bit integers from the seed, one per stratum: SHA-256 of "<seed>:<stratum>:<block>"
 * (UTF-8, block counting from 0), read as big-endian 32-bit words. Anyone with the seed can re-run it.
 */
function stream(seed: string, key: string) {
  let block = 0;
  let words: number[] = [];
  return () => {
    if (words.length === 0) {
      const digest = createHash("sha256").update(`${seed}:${key}:${block++}`, "utf8").digest();
      words = Array.from({ length: 8 }, (_, i) => digest.readUInt32BE(i * 4));
    }
    return words.shift() as number;
  };
}

/** A uniform integer in [0, m): words from the top of the range that would bias the remainder are skipped. */
function below(next: () => number, m: number): number {
  const limit = Math.floor(0x1_0000_0000 / m) * m;
  for (;;) {
    const u = next();
    if (u < limit) return u % m;
  }
}

/**
 * The stratified sample a seed draws (docs/grading.md): each stratum's population sorted by its ids
 * (code-unit order), then the first `size` places of a Fisher–Yates shuffle driven by that stratum's stream.
 * Pure: the same seed and populations always give the same sample, which is how anyone checks a round.
 */
export function drawSample(seed: string, strata: readonly Stratum[]): DrawnStratum[] {
  return strata.map(({ key, population, size }) => {
    const sorted = [...population].sort(compare);
    const n = Math.min(size, sorted.length);
    const order = sorted.map((_, i) => i);
    const next = stream(seed, key);
    for (let i = 0; i < n; i++) {
      const j = i + below(next, order.length - i);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    return {
      key,
      chosen: order.slice(0, n).map((index) => ({ index, id: sorted[index] as string })),
    };
  });
}

/** The SHA-256 of a drawn sample as the log's reveal entry publishes it: strata and ids in draw order. */
export const sampleDigest = (drawn: readonly DrawnStratum[]) =>
  createHash("sha256")
    .update(JSON.stringify(drawn.map((s) => [s.key, s.chosen.map((c) => c.id)])))
    .digest("hex");

/**
 * What a round's published population and sample call an appeal: SHA-256 of "<round id>:<appeal id>".
 * It names no appeal (the numbers of unpublished appeals are not public) and differs from round to round;
 * the id is random, so the token cannot be reversed by trying numbers.
 */
export const appealToken = (roundId: string, appealId: string) =>
  createHash("sha256").update(`${roundId}:${appealId}`).digest("hex");
