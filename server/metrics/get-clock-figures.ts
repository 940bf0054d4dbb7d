import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stateBodies } from "@/db/schema";
import type { RegionCode } from "../directory/regions";
import { DomainError } from "../errors";
import { clockFigures } from "./clock-figures";
import { bodyMetrics, regionMetrics, republicMetrics } from "./dashboard-queries";
import type { Period } from "./period";

/**
 * The clock figures of one body (by code), one region, or the republic, for the dashboards. The 2021
 * survey asked all adults whether *central* bodies pay attention to appeals, so it is comparable (and
 * shown) only beside the republic's or a central body's "felt heard", never a region's or a district's.
 */
export async function getClockFigures(db: Db, o: { period: Period; code?: string; region?: RegionCode }) {
  if (o.code) {
    const [body] = await db
      .select({ id: stateBodies.id, level: stateBodies.level })
      .from(stateBodies)
      .where(eq(stateBodies.code, o.code));
    if (!body) throw new DomainError("NOT_FOUND");
    const main = (await bodyMetrics(db, body.id, o.period)).counts;
    const figures = await clockFigures(db, { scope: { bodyId: body.id }, period: o.period, main });
    return { figures, surveyComparable: body.level === "central" };
  }
  if (o.region) {
    const main = (await regionMetrics(db, o.region, o.period)).counts;
    const figures = await clockFigures(db, { scope: { region: o.region }, period: o.period, main });
    return { figures, surveyComparable: false };
  }
  const main = (await republicMetrics(db, o.period)).counts;
  return { figures: await clockFigures(db, { scope: {}, period: o.period, main }), surveyComparable: true };
}
