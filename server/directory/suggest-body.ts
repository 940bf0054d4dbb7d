import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stateBodies } from "@/db/schema";
import type { Category } from "./state-bodies-directory";

const LEVEL_ORDER = sql`case ${stateBodies.level} when 'district' then 2 when 'regional' then 0 else 3 end`;

/**
 * The bodies competent for a category in a region, best first: a regional body whose competence is
 * exactly this field before a general akimat, and central bodies last, as the law sends an appeal to
 * the body closest to the matter.
 */
export async function suggestBodies(db: Db, o: { category: Category; region: string | null }) {
  const rows = await db
    .select({
      id: stateBodies.id,
      code: stateBodies.code,
      nameKk: stateBodies.nameKk,
      nameRu: stateBodies.nameRu,
      nameEn: stateBodies.nameEn,
      level: stateBodies.level,
      region: stateBodies.region,
    })
    .from(stateBodies)
    .where(
      and(
        sql`${o.category} = any(${stateBodies.categories})`,
        o.region
          ? or(eq(stateBodies.region, o.region), isNull(stateBodies.region))
          : isNull(stateBodies.region),
      ),
    )
    .orderBy(LEVEL_ORDER, sql`cardinality(${stateBodies.categories})`, stateBodies.nameEn)
    .limit(8);
  return rows;
}
