import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { bodySuggestionBodies, bodySuggestionFeatures } from "@/db/schema";
import { ANY_CATEGORY, choiceFeature, scopeTokensFeature, textFeatures } from "./text-features";

/** The newest appeals the nightly training reads: a few months of a busy year, a minute of work. */
export const TRAINING_LIMIT = 50_000;
/**
 * An appeal an official forwarded is a correction: its final body is the label, weighed double, as it
 * tells what the first choice (the citizen's or the category table's) got wrong.
 */
export const FORWARDED_WEIGHT = 2;
const CHUNK = 5_000;

type Row = {
  id: string;
  subject: string;
  text: string;
  region: string | null;
  category: string;
  body_id: string;
  forward_count: number;
};

/**
 * Rebuilds the body-suggestion model from the service's own history: where appeals ended (the body that
 * holds them now, after any forwards). `exclude` leaves appeals out (the held-out set of an evaluation).
 * Returns how many appeals it learnt from. The old model stays readable until the new one commits.
 */
export async function trainBodyModel(
  db: Database,
  o: { now: Date; limit?: number; exclude?: (appealId: string) => boolean },
): Promise<number> {
  const rows = (await db.execute(sql`
    select id, subject, text, region, category, body_id, forward_count from appeals
    order by filed_at desc limit ${o.limit ?? TRAINING_LIMIT}`)) as unknown as Row[];
  const counts = new Map<string, Map<number, number>>();
  const bodies = new Map<string, { documents: number; tokens: number }>();
  let learnt = 0;
  for (const row of rows) {
    if (o.exclude?.(row.id)) continue;
    learnt++;
    const weight = row.forward_count > 0 ? FORWARDED_WEIGHT : 1;
    const body = counts.get(row.body_id) ?? new Map<number, number>();
    counts.set(row.body_id, body);
    const totals = bodies.get(row.body_id) ?? { documents: 0, tokens: 0 };
    bodies.set(row.body_id, totals);
    const add = (f: number, n: number) => body.set(f, (body.get(f) ?? 0) + n * weight);
    totals.documents += weight;
    for (const scope of [ANY_CATEGORY, row.category]) {
      let tokens = 0;
      for (const [f, n] of textFeatures(`${row.subject} ${row.text}`, scope)) {
        add(f, n);
        tokens += n;
      }
      add(scopeTokensFeature(scope), tokens);
      if (scope === ANY_CATEGORY) totals.tokens += tokens * weight;
    }
    add(choiceFeature("region", row.region), 1);
    add(choiceFeature("category", row.category), 1);
  }

  await db.transaction(async (tx) => {
    await tx.delete(bodySuggestionFeatures);
    await tx.delete(bodySuggestionBodies);
    for (const [bodyId, t] of bodies) {
      await tx.insert(bodySuggestionBodies).values({ bodyId, ...t, trainedAt: o.now });
      const entries = [...(counts.get(bodyId) ?? new Map<number, number>())];
      for (let i = 0; i < entries.length; i += CHUNK) {
        const part = entries.slice(i, i + CHUNK);
        // unnest: one statement per chunk, not one parameter per value.
        await tx.execute(sql`
          insert into body_suggestion_features (feature, body_id, count)
          select f, ${bodyId}::uuid, c from unnest(${`{${part.map((e) => e[0]).join(",")}}`}::int[],
            ${`{${part.map((e) => e[1]).join(",")}}`}::real[]) as t(f, c)`);
      }
    }
  });
  return learnt;
}
