import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { CHOICE_WEIGHT, choiceFeature, FEATURE_BUCKETS, textFeatures } from "./text-features";

/** Additive smoothing of the naive Bayes counts. */
const ALPHA = 0.05;
export const SUGGESTION_COUNT = 3;

export type TextSuggestion = {
  id: string;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  level: "central" | "regional" | "district";
  region: string | null;
  score: number;
};

/** How much the text's mean log-likelihood per n-gram weighs against the region and category. */
const TEXT_WEIGHT = 0.1;

/**
 * The bodies most likely competent for an appeal's text, best first, by the stored naive Bayes model:
 * log prior + log P(region | body) + log P(category | body) (where chosen) + TEXT_WEIGHT × the text's mean
 * log-likelihood per n-gram. The mean, not the sum, so that a long text does not drown the citizen's
 * choices; the part every body shares (log α for n-grams a body never saw) is left out, so only the
 * query's n-grams a body has seen are read, through the primary key.
 */
export async function suggestBodyFromText(
  db: Db,
  o: { text: string; region?: string | null; category?: string | null; limit?: number },
): Promise<TextSuggestion[]> {
  const text = textFeatures(o.text);
  if (text.size === 0) return [];
  const ids = [...text.keys()];
  const weights = ids.map((f) => text.get(f) ?? 0);
  const total = weights.reduce((a, b) => a + b, 0);
  const choices = [
    ...(o.region !== undefined ? [choiceFeature("region", o.region)] : []),
    ...(o.category ? [choiceFeature("category", o.category)] : []),
  ];
  const rows = (await db.execute(sql`
    with q(feature, c) as (
      select * from unnest(${`{${ids.join(",")}}`}::int[], ${`{${weights.join(",")}}`}::real[])
    ), seen as (
      select f.body_id, sum(q.c * ln(1 + f.count / ${ALPHA})) as s
      from q join body_suggestion_features f on f.feature = q.feature group by f.body_id
    ), chosen as (
      select f.body_id, f.feature, f.count from body_suggestion_features f
      where f.feature = any(${`{${choices.join(",")}}`}::int[])
    ), all_docs as (select sum(documents) as n from body_suggestion_bodies)
    select s.id, s.code, s.name_kk as "nameKk", s.name_ru as "nameRu", s.name_en as "nameEn", s.level,
      s.region, (ln(b.documents / all_docs.n)
        + coalesce((select sum(ln((coalesce(ch.count, 0) / ${CHOICE_WEIGHT} + 0.5) / (b.documents + 1)))
            from unnest(${`{${choices.join(",")}}`}::int[]) as w(feature)
            left join chosen ch on ch.feature = w.feature and ch.body_id = b.body_id), 0)
        + ${TEXT_WEIGHT} * (coalesce(seen.s, 0) / ${total}
          - ln(greatest(b.tokens - ${2 * CHOICE_WEIGHT} * b.documents, 0) + ${ALPHA * FEATURE_BUCKETS}))
      )::float8 as score
    from body_suggestion_bodies b cross join all_docs
      join state_bodies s on s.id = b.body_id
      left join seen on seen.body_id = b.body_id
    order by score desc, s.code
    limit ${o.limit ?? SUGGESTION_COUNT}`)) as unknown as TextSuggestion[];
  return rows;
}
