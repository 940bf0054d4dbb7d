import type { RubricItemSnapshot, StratumSnapshot } from "@/db/schema";
import { wilson } from "../metrics/survival";
import { AGREEMENT_FLOOR, cohenKappa, krippendorffAlpha } from "./agreement";
import { CONFIDENCE_Z, type ConfidenceLevel } from "./sample-size";

export type GradedItem = {
  id: string;
  bodyId: string;
  grades: { graderId: string; scores: Record<string, number> }[];
};

export type ItemAgreement = {
  key: string;
  method: "cohen_kappa_quadratic" | "krippendorff_alpha_interval";
  value: number | null;
  graders: number;
  // Sampled answers whose graders did not all give the same score.
  disagreements: number;
  flagged: boolean;
};

export type BodyItemResult = {
  key: string;
  graded: number;
  meets: number;
  share: number | null;
  lower: number | null;
  upper: number | null;
  meanScore: number | null;
};

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * A round's results from its grades (docs/grading.md). Agreement per rubric item: Cohen's kappa with
 * quadratic weights when exactly two graders graded the round, Krippendorff's alpha (interval) when more
 * did; an item is flagged when the coefficient is below 0.667. Per body and item: the share of sampled
 * answers that meet the item (graders' mean score ≥ the item's meetsAt) with its Wilson interval at the
 * round's confidence, and the mean score.
 */
export function roundResults(o: {
  rubric: readonly RubricItemSnapshot[];
  strata: readonly StratumSnapshot[];
  items: readonly GradedItem[];
  confidence: ConfidenceLevel;
}) {
  const graders = new Set(o.items.flatMap((i) => i.grades.map((g) => g.graderId)));
  const twoGraders = graders.size === 2;
  const [first, second] = [...graders].sort();
  const agreement: ItemAgreement[] = o.rubric.map((r) => {
    const scale = r.scale.map((s) => s.value);
    const units = o.items.map((i) => i.grades.map((g) => g.scores[r.key] as number));
    const value = twoGraders
      ? cohenKappa(
          o.items.flatMap((i) => {
            const a = i.grades.find((g) => g.graderId === first)?.scores[r.key];
            const b = i.grades.find((g) => g.graderId === second)?.scores[r.key];
            return a === undefined || b === undefined ? [] : [[a, b] as [number, number]];
          }),
          scale,
          "quadratic",
        )
      : krippendorffAlpha(units, "interval");
    return {
      key: r.key,
      method: twoGraders ? "cohen_kappa_quadratic" : "krippendorff_alpha_interval",
      value,
      graders: graders.size,
      disagreements: units.filter((u) => new Set(u).size > 1).length,
      flagged: value !== null && value < AGREEMENT_FLOOR,
    };
  });
  const z = CONFIDENCE_Z[o.confidence];
  const perBody = o.strata.map((s) => {
    const items = o.items.filter((i) => i.bodyId === s.bodyId && i.grades.length > 0);
    return {
      bodyId: s.bodyId,
      population: s.population.length,
      sampled: s.sampleSize,
      items: o.rubric.map((r): BodyItemResult => {
        const scores = items.map((i) => mean(i.grades.map((g) => g.scores[r.key] as number)));
        const meets = scores.filter((v) => v >= r.meetsAt).length;
        const interval = wilson(meets, scores.length, z);
        return {
          key: r.key,
          graded: scores.length,
          meets,
          share: scores.length ? meets / scores.length : null,
          lower: interval?.lower ?? null,
          upper: interval?.upper ?? null,
          meanScore: scores.length ? mean(scores) : null,
        };
      }),
    };
  });
  return { agreement, perBody };
}

export type RoundResults = ReturnType<typeof roundResults>;
