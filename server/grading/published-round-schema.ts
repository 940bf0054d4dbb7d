import { z } from "zod";

/**
 * What the public grading procedures may return, field by field (strict): a field the domain starts
 * returning without being listed here fails the call instead of reaching the public. No grader id, no
 * appeal id or number, no text.
 */

const Label = z.strictObject({ kk: z.string(), ru: z.string(), en: z.string() });
const sha256 = z.hash("sha256");
const share = z.number().nullable();

export const PublishedRoundsOutput = z.array(
  z.strictObject({
    id: z.uuid(),
    title: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    closedAt: z.date().nullable(),
  }),
);

export const PublishedRoundOutput = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  marginOfError: z.number(),
  confidence: z.number(),
  rubricVersion: z.string(),
  rubric: z.array(
    z.strictObject({
      key: z.string(),
      label: Label,
      meetsAt: z.number(),
      scale: z.array(z.strictObject({ value: z.number().int(), label: Label })),
    }),
  ),
  seed: z.string(),
  seedSha256: sha256,
  sampleSha256: sha256.nullable(),
  commitSeq: z.number().int(),
  revealSeq: z.number().int().nullable(),
  openedAt: z.date(),
  drawnAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  agreement: z.array(
    z.strictObject({
      key: z.string(),
      method: z.enum(["cohen_kappa_quadratic", "krippendorff_alpha_interval"]),
      value: z.number().nullable(),
      graders: z.number().int(),
      disagreements: z.number().int(),
      flagged: z.boolean(),
    }),
  ),
  perBody: z.array(
    z.strictObject({
      bodyId: z.uuid(),
      body: z.strictObject({ code: z.string(), nameKk: z.string(), nameRu: z.string(), nameEn: z.string() }),
      population: z.number().int(),
      sampled: z.number().int(),
      items: z.array(
        z.strictObject({
          key: z.string(),
          graded: z.number().int(),
          meets: z.number().int(),
          share,
          lower: share,
          upper: share,
          meanScore: z.number().nullable(),
        }),
      ),
      figures: z.strictObject({
        responseRate: share,
        onTimeRate: share,
        medianAnswerDays: z.number().nullable(),
        formalShare: share,
      }),
    }),
  ),
  strata: z.array(
    z.strictObject({ bodyCode: z.string(), population: z.array(sha256), sampleSize: z.number().int() }),
  ),
  sample: z.array(
    z.strictObject({
      label: z.number().int(),
      bodyCode: z.string(),
      token: sha256,
      populationIndex: z.number().int(),
      grades: z.array(
        z.strictObject({ grader: z.string().regex(/^G\d+$/), scores: z.record(z.string(), z.number()) }),
      ),
    }),
  ),
});
