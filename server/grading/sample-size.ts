/** The confidence levels a round may state, each with its two-sided standard normal quantile z. */
export const CONFIDENCE_Z = {
  "0.9": 1.6448536269514722,
  "0.95": 1.959963984540054,
  "0.99": 2.5758293035489004,
} as const;
export type ConfidenceLevel = keyof typeof CONFIDENCE_Z;
export const CONFIDENCE_LEVELS = Object.keys(CONFIDENCE_Z) as [ConfidenceLevel, ...ConfidenceLevel[]];

/**
 * How many of a stratum's N answers to sample so that a share estimated from them is within `margin` of
 * the stratum's true share at the stated confidence (docs/grading.md): n0 = z²·p(1−p)/e² with the most
 * demanding p = 0.5, then the finite population correction n = n0 / (1 + (n0 − 1)/N), rounded up.
 */
export function sampleSize(population: number, margin: number, confidence: ConfidenceLevel): number {
  if (!Number.isInteger(population) || population < 0) throw new RangeError("population");
  if (!(margin > 0 && margin < 1)) throw new RangeError("margin");
  if (population === 0) return 0;
  const z = CONFIDENCE_Z[confidence];
  const n0 = (z * z * 0.25) / (margin * margin);
  return Math.min(population, Math.ceil(n0 / (1 + (n0 - 1) / population)));
}
