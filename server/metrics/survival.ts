/**
 * Kaplan–Meier estimate of time to answer, and the Wilson score interval for ranking rates: the
 * statistics behind docs/metrics.md "Honest statistics". Pure functions over counts.
 */

/** Working days → how many appeals were answered after that many (events) or are still waiting at that age (censored). */
export type SurvivalInput = { events: ReadonlyMap<number, number>; censored: ReadonlyMap<number, number> };

export type SurvivalEstimate = {
  /** Smallest day d with S(d) ≤ 0.5 (half answered by then); null if the curve never gets there. */
  median: number | null;
  /** Smallest day d with S(d) ≤ 0.1; null if never reached. */
  p90: number | null;
  answered: number;
  censored: number;
};

/**
 * The product-limit estimator S(t) = Π_{t_i ≤ t} (1 − d_i / n_i), where n_i counts the appeals still
 * unanswered and not censored before day t_i. An appeal censored on day t is still at risk on day t
 * (the usual convention: censoring after the events of the same day).
 */
export function kaplanMeier({ events, censored }: SurvivalInput): SurvivalEstimate {
  const days = [...new Set([...events.keys(), ...censored.keys()])].sort((a, b) => a - b);
  let atRisk = 0;
  let answered = 0;
  let censoredTotal = 0;
  for (const n of events.values()) answered += n;
  for (const n of censored.values()) censoredTotal += n;
  atRisk = answered + censoredTotal;
  let s = 1;
  let median: number | null = null;
  let p90: number | null = null;
  for (const d of days) {
    const died = events.get(d) ?? 0;
    if (died > 0 && atRisk > 0) {
      s *= 1 - died / atRisk;
      // A tiny epsilon: 1 − 1/2 must count as reaching one half despite floating point.
      if (median === null && s <= 0.5 + 1e-12) median = d;
      if (p90 === null && s <= 0.1 + 1e-12) p90 = d;
    }
    atRisk -= died + (censored.get(d) ?? 0);
  }
  return { median, p90, answered, censored: censoredTotal };
}

const Z = 1.96;

/** The Wilson score interval of `successes` out of `n` (95% unless z says otherwise); null when n = 0. */
export function wilson(successes: number, n: number, z = Z): { lower: number; upper: number } | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const scale = 1 + z2 / n;
  return { lower: Math.max(0, (centre - spread) / scale), upper: Math.min(1, (centre + spread) / scale) };
}
