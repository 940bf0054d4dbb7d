import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stateBodies } from "@/db/schema";
import type { RegionCode } from "../directory/regions";
import { DomainError } from "../errors";
import { answerFigures } from "./answer-figures";
import {
  bodyMetrics,
  categoryBreakdown,
  leagueTable,
  monthlyTrend,
  regionMetrics,
} from "./dashboard-queries";
import type { Period } from "./period";

/** Everything a body's page shows: the body, all its metrics, its trend and its categories. */
export async function getBodyDashboard(db: Db, o: { code: string; period: Period }) {
  const [body] = await db
    .select({
      id: stateBodies.id,
      code: stateBodies.code,
      level: stateBodies.level,
      region: stateBodies.region,
      nameKk: stateBodies.nameKk,
      nameRu: stateBodies.nameRu,
      nameEn: stateBodies.nameEn,
    })
    .from(stateBodies)
    .where(eq(stateBodies.code, o.code));
  if (!body) throw new DomainError("NOT_FOUND");
  const [metrics, trend, categories, answers] = await Promise.all([
    bodyMetrics(db, body.id, o.period),
    monthlyTrend(db, { bodyId: body.id, period: o.period }),
    categoryBreakdown(db, { bodyId: body.id, period: o.period }),
    answerFigures(db, { bodyId: body.id, period: o.period }),
  ]);
  return { body, metrics, trend, categories, answers };
}

/** Everything a region's page shows: the sums of its bodies, its trend, categories and bodies. */
export async function getRegionDashboard(db: Db, o: { region: RegionCode; period: Period }) {
  const [metrics, trend, categories, bodies] = await Promise.all([
    regionMetrics(db, o.region, o.period),
    monthlyTrend(db, { region: o.region, period: o.period }),
    categoryBreakdown(db, { region: o.region, period: o.period }),
    leagueTable(db, { period: o.period, sort: "received", region: o.region }),
  ]);
  return { region: o.region, metrics, trend, categories, bodies };
}
