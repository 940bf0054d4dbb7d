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

/** How much the text weighs against the region and category (tuned on generated appeals, see below). */
const TEXT_WEIGHT = 0.3;

/**
 * The bodies most likely competent for an appeal's text, best first, by the stored naive Bayes model:
 * log prior + log P(region | body) + log P(category | body) (where chosen) + TEXT_WEIGHT × the text's
 * weighted mean log-likelihood per n-gram. Each n-gram weighs by how few bodies have seen it, ln(K / k):
 * an n-gram every body of a category shares ("горячей воды") tells little, one only a body's own appeals
 * carry (its name, its district) tells much; without that weight the shared topic drowned the body's own
 * words (docs/performance.md). The mean, not the sum, so that a long
 * text does not drown the citizen's choices; the part every body shares (log α for n-grams a body never
 * saw) is left out, so only the query's n-grams some body has seen are read, through the primary key.
 */
export async function suggestBodyFromText(
  db: Db,
  o: { text: string; region?: string | null; category?: string | null; limit?: number },
): Promise<TextSuggestion[]> {
  const text = textFeatures(o.text);
  if (text.size === 0) return [];
  const ids = [...text.keys()];
  const choices = [
    ...(o.region !== undefined ? [choiceFeature("region", o.region)] : []),
    ...(o.category ? [choiceFeature("category", o.category)] : []),
  ];
  const rows = (await db.execute(sql`
    with bodies as (select count(*)::float8 as k, sum(documents) as n from body_suggestion_bodies),
    hits as (
      select f.body_id, f.count, ln(bodies.k / count(*) over (partition by f.feature)) as w, f.feature
      from body_suggestion_features f cross join bodies
      where f.feature = any(${`{${ids.join(",")}}`}::int[])
    ), seen as (
      select body_id, sum(w * ln(1 + count / ${ALPHA})) as s from hits group by body_id
    ), total as (
      select sum(w) as w from (select distinct on (feature) w from hits) per_feature
    ), chosen as (
      select f.body_id, f.feature, f.count from body_suggestion_features f
      where f.feature = any(${`{${choices.join(",")}}`}::int[])
    )
    select s.id, s.code, s.name_kk as "nameKk", s.name_ru as "nameRu", s.name_en as "nameEn", s.level,
      s.region, (ln(b.documents / bodies.n)
        + coalesce((select sum(ln((coalesce(ch.count, 0) / ${CHOICE_WEIGHT} + 0.5) / (b.documents + 1)))
            from unnest(${`{${choices.join(",")}}`}::int[]) as w(feature)
            left join chosen ch on ch.feature = w.feature and ch.body_id = b.body_id), 0)
        + ${TEXT_WEIGHT} * coalesce((coalesce(seen.s, 0) - total.w
          * ln(greatest(b.tokens - ${2 * CHOICE_WEIGHT} * b.documents, 0) + ${ALPHA * FEATURE_BUCKETS}))
          / nullif(total.w, 0), 0)
      )::float8 as score
    from body_suggestion_bodies b cross join bodies cross join total
      join state_bodies s on s.id = b.body_id
      left join seen on seen.body_id = b.body_id
    order by score desc, s.code
    limit ${o.limit ?? SUGGESTION_COUNT}`)) as unknown as TextSuggestion[];
  return rows;
}
