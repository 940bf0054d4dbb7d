import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stateBodies } from "@/db/schema";

/** Every body of the directory, for a picker: central ones first, then by region. */
export async function listStateBodies(db: Db) {
  return db
    .select({
      id: stateBodies.id,
      level: stateBodies.level,
      region: stateBodies.region,
      nameKk: stateBodies.nameKk,
      nameRu: stateBodies.nameRu,
      nameEn: stateBodies.nameEn,
    })
    .from(stateBodies)
    .orderBy(asc(stateBodies.level), asc(stateBodies.region), asc(stateBodies.nameEn));
}
