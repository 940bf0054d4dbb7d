import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stateBodies } from "@/db/schema";
import { STATE_BODIES } from "@/server/directory/state-bodies-directory";

/** Loads the reference directory; existing bodies keep their ids, so appeals stay attached. */
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
      set: { nameKk: sql`excluded.name_kk`, nameRu: sql`excluded.name_ru`, nameEn: sql`excluded.name_en` },
    })
    .returning({ id: stateBodies.id, code: stateBodies.code });
  const ids = new Map(rows.map((r) => [r.code, r.id]));
  // Parents in a second pass: the tree refers to itself.
  for (const b of STATE_BODIES) {
    if (!b.parentCode) continue;
    await db
      .update(stateBodies)
      .set({ parentId: ids.get(b.parentCode) })
      .where(sql`${stateBodies.code} = ${b.code}`);
  }
  return ids;
}
