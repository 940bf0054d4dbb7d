/**
 * Agreement between graders on one rubric item (docs/grading.md). Scores are the item's scale values.
 * A coefficient is null where it is undefined: every score the same, so chance agreement is already 1.
 */

export type KappaWeights = "unweighted" | "quadratic";

/**
 * Cohen's kappa for two graders over the items both graded: 1 − Σw·observed / Σw·expected with
 * disagreement weights w = 0 on the diagonal and 1 off it (unweighted), or ((i − j)/(k − 1))²
 * (quadratic, for ordinal scales). Expected counts come from each grader's own marginal distribution.
 */
export function cohenKappa(
  pairs: readonly (readonly [number, number])[],
  scale: readonly number[],
  weights: KappaWeights,
): number | null {
  const k = scale.length;
  const n = pairs.length;
  if (n === 0 || k < 2) return null;
  const at = new Map(scale.map((v, i) => [v, i]));
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (const [a, b] of pairs) {
    const i = at.get(a);
    const j = at.get(b);
    if (i === undefined || j === undefined) throw new RangeError("score off the scale");
    (observed[i] as number[])[j] = ((observed[i] as number[])[j] as number) + 1;
    rows[i] = (rows[i] as number) + 1;
    cols[j] = (cols[j] as number) + 1;
  }
  const w = (i: number, j: number) =>
    weights === "unweighted" ? (i === j ? 0 : 1) : ((i - j) / (k - 1)) ** 2;
  let disagreeObserved = 0;
  let disagreeExpected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      disagreeObserved += w(i, j) * ((observed[i] as number[])[j] as number);
      disagreeExpected += (w(i, j) * (rows[i] as number) * (cols[j] as number)) / n;
    }
  }
  return disagreeExpected === 0 ? null : 1 - disagreeObserved / disagreeExpected;
}

export type AlphaMetric = "nominal" | "interval";

/**
 * Krippendorff's alpha, any number of graders, missing grades allowed: 1 − D_o/D_e, where D_o averages
 * the metric differences between values within a unit (each unit weighted by 1/(m_u − 1)) and D_e those
 * between all pairable values. Units with fewer than two values are not pairable and left out.
 */
export function krippendorffAlpha(units: readonly (readonly number[])[], metric: AlphaMetric): number | null {
  const delta = (a: number, b: number) => (metric === "nominal" ? (a === b ? 0 : 1) : (a - b) ** 2);
  const pairable = units.filter((u) => u.length >= 2);
  const values = pairable.flat();
  const n = values.length;
  if (n < 2) return null;
  let observed = 0;
  for (const u of pairable) {
    let sum = 0;
    for (let i = 0; i < u.length; i++)
      for (let j = 0; j < u.length; j++) if (i !== j) sum += delta(u[i] as number, u[j] as number);
    observed += sum / (u.length - 1);
  }
  observed /= n;
  let expected = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j) expected += delta(values[i] as number, values[j] as number);
  expected /= n * (n - 1);
  return expected === 0 ? null : 1 - observed / expected;
}

/** Below this, Krippendorff's own threshold for tentative conclusions, an item's grades are flagged. */
export const AGREEMENT_FLOOR = 0.667;
