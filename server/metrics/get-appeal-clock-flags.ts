import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export type AppealClockFlags = {
  returned: boolean;
  toAccused: boolean;
  pausedPastDue: boolean;
  lateForwards: number;
  afterDueForwards: number;
};

/**
 * What the clock figures say about one appeal (docs/metrics.md), as of the last metrics refresh: a forward
 * chain back to a body that had it, a complaint sent to the accused body, a pause past the due date, and
 * its late forwards. For the auditor's and the official's view of the appeal; the caller authorizes.
 */
export async function getAppealClockFlags(db: Db, appealId: string): Promise<AppealClockFlags> {
  const [row] = await db.execute<{
    returned: boolean | null;
    to_accused: boolean | null;
    paused_past_due: boolean | null;
    late: number;
    after_due: number;
  }>(sql`
    select k.returned, k.to_accused, k.paused_past_due,
      (select count(*) from metrics_forward_facts f where f.appeal_id = ${appealId} and f.late)::int as late,
      (select count(*) from metrics_forward_facts f where f.appeal_id = ${appealId} and f.after_due)::int as after_due
    from (select 1) one
    left join metrics_clock_facts k on k.appeal_id = ${appealId}`);
  return {
    returned: row?.returned === true,
    toAccused: row?.to_accused === true,
    pausedPastDue: row?.paused_past_due === true,
    lateForwards: Number(row?.late ?? 0),
    afterDueForwards: Number(row?.after_due ?? 0),
  };
}
