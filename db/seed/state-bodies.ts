import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stateBodies } from "@/db/schema";
import { STATE_BODIES } from "@/server/directory/state-bodies-directory";

/**
 * Loads the directory, and corrects an existing one in place, from db/seed/data/state-bodies.json. Bodies
 * are matched by their stable code, so a body keeps its id and with it its appeals, officials and metrics;
 * names, level, region, competence and the superior body follow the data. A body no longer in the data is
 * left in place (appeals may point at it); removing one is a decision for a migration, not the seed.
 */
export async function seedStateBodies(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .insert(stateBodies)
    .values(
      STATE_BODIES.map((b) => ({
        code: b.code,
        level: b.level,
        region: b.region,
        nameKk: b.name.kk,
        nameRu: b.name.ru,
        nameEn: b.name.en,
        categories: [...b.categories],
      })),
    )
    .onConflictDoUpdate({
      target: stateBodies.code,
      set: {
        level: sql`excluded.level`,
        region: sql`excluded.region`,
        nameKk: sql`excluded.name_kk`,
        nameRu: sql`excluded.name_ru`,
        nameEn: sql`excluded.name_en`,
        categories: sql`excluded.categories`,
      },
    })
    .returning({ id: stateBodies.id, code: stateBodies.code });
  const ids = new Map(rows.map((r) => [r.code, r.id]));
  // Parents in a second pass, as the tree refers to itself; a root gets its parent cleared, so a body
  // moved out from under the Government stops sending complaints there.
  const codes = STATE_BODIES.map((b) => b.code);
  const parents = STATE_BODIES.map((b) => (b.parentCode ? (ids.get(b.parentCode) ?? null) : null));
  await db.execute(sql`
    update ${stateBodies} as b set parent_id = v.parent_id
    from unnest(${sql.param(codes)}::text[], ${sql.param(parents)}::uuid[]) as v(code, parent_id)
    where b.code = v.code and b.parent_id is distinct from v.parent_id`);
  return ids;
}
