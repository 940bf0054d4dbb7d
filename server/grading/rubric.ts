import { z } from "zod";
import type { RubricItemSnapshot } from "@/db/schema";
import rubricData from "@/db/seed/data/grading-rubric.json";
import { DomainError } from "../errors";

const Label = z.strictObject({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });
const RubricFile = z.object({
  version: z.string().min(1),
  items: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-z_]+$/),
        label: Label,
        meetsAt: z.number(),
        scale: z
          .array(z.strictObject({ value: z.number().int().min(0), label: Label }))
          .min(2)
          .refine((s) => s.every((v, i) => i === 0 || v.value > (s[i - 1]?.value ?? Infinity)), "ascending"),
      }),
    )
    .min(1)
    .refine((items) => new Set(items.map((i) => i.key)).size === items.length, "unique keys"),
});

/** The rubric in force (db/seed/data/grading-rubric.json), checked once when first read. */
export const RUBRIC: { version: string; items: RubricItemSnapshot[] } = RubricFile.parse(rubricData);

/** A grader's scores, one per item of the round's rubric and each a value on the item's scale. */
export function checkScores(rubric: readonly RubricItemSnapshot[], scores: Record<string, number>) {
  const keys = Object.keys(scores);
  if (keys.length !== rubric.length) throw new DomainError("BAD_GRADE");
  for (const item of rubric) {
    const score = scores[item.key];
    if (score === undefined || !item.scale.some((s) => s.value === score)) throw new DomainError("BAD_GRADE");
  }
  return Object.fromEntries(rubric.map((i) => [i.key, scores[i.key] as number]));
}
