import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clockFactsSelect, forwardFactsSelect } from "./clock-facts-sql";
import {
  CLOCK_DAY_MEASURES,
  CLOCK_FACT_COLUMNS,
  clockMonthlySums,
  FORWARD_FACT_COLUMNS,
} from "./rollup-deltas";

/**
 * Rewrites the clock facts and forward facts of the appeals in the refresh's `metrics_changed` table, and
 * adds to `metrics_keys` the (body, month) of every body that forwarded one of them, before and after:
 * a forward is counted for the body that sent the appeal away, which no longer holds it. Runs inside
 * refreshMetrics' transaction, between the facts and the rollups.
 */
export async function refreshClockFacts(tx: Db, now: Date): Promise<void> {
  const senders = sql`
    insert into metrics_keys
    select distinct f.from_body_id, f.month from metrics_forward_facts f join metrics_changed c using (appeal_id)
    on conflict do nothing`;
  await tx.execute(senders);
  await tx.execute(
    sql`delete from metrics_forward_facts f using metrics_changed c where f.appeal_id = c.appeal_id`,
  );
  await tx.execute(sql`
    insert into metrics_forward_facts (${FORWARD_FACT_COLUMNS})
    ${forwardFactsSelect({ where: sql`a.id in (select appeal_id from metrics_changed)` })}`);
  await tx.execute(senders);
  await tx.execute(
    sql`delete from metrics_clock_facts f using metrics_changed c where f.appeal_id = c.appeal_id`,
  );
  await tx.execute(sql`
    insert into metrics_clock_facts (${CLOCK_FACT_COLUMNS}, refreshed_at)
    select ${CLOCK_FACT_COLUMNS}, ${now.toISOString()}::timestamptz
    from (${clockFactsSelect({ now, where: sql`a.id in (select appeal_id from metrics_changed)` })}) facts
    order by appeal_id`);
}

/** Recounts the clock rollups of every (body, month) in metrics_keys: a rebuild's way. */
export async function recountClockRollups(tx: Db): Promise<void> {
  await tx.execute(sql`
    delete from metrics_clock_monthly m using metrics_keys k where m.body_id = k.body_id and m.month = k.month`);
  await tx.execute(sql`
    delete from metrics_clock_days d using metrics_keys k where d.body_id = k.body_id and d.month = k.month`);
  await tx.execute(
    clockMonthlySums({
      weight: sql`1`,
      clock: sql`metrics_clock_facts x join metrics_keys k on k.body_id = x.body_id and k.month = x.month`,
      forwards: sql`metrics_forward_facts x join metrics_keys k on k.body_id = x.from_body_id and k.month = x.month`,
    }),
  );
  // One grouping per measure: spreading each fact over six rows first (a lateral VALUES) took twice as
  // long in a rebuild of a million.
  const perMeasure = CLOCK_DAY_MEASURES.map(
    ([measure, days]) => sql`
      select x.body_id, x.month, ${measure}::metrics_clock_measure, ${days}, min(x.region), count(*)
      from metrics_clock_facts x join metrics_keys k on k.body_id = x.body_id and k.month = x.month
      where ${days} is not null
      group by x.body_id, x.month, ${days}`,
  );
  await tx.execute(sql`
    insert into metrics_clock_days (body_id, month, measure, days, region, count)
    ${sql.join(perMeasure, sql` union all `)}
    union all
    select x.from_body_id, x.month, 'stay', x.stay_days, min(x.region), count(*)
    from metrics_forward_facts x join metrics_keys k on k.body_id = x.from_body_id and k.month = x.month
    where x.stay_days is not null
    group by x.from_body_id, x.month, x.stay_days`);
}
