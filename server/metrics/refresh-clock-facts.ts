import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clockFactsSelect, forwardFactsSelect } from "./clock-facts-sql";
import { CLOCK_DAY_MEASURES, CLOCK_FACT_COLUMNS, FORWARD_FACT_COLUMNS } from "./rollup-deltas";

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
  await tx.execute(sql`
    insert into metrics_clock_monthly (body_id, month, region, on_time_original, paused_now, paused_ever,
      paused_past_due, returned, to_accused, complaint_decided, forwarded_away, forwards_late,
      forwards_after_due, forwards_returned, forwards_to_accused)
    select body_id, month, min(region), sum(on_time_original), sum(paused_now), sum(paused_ever),
      sum(paused_past_due), sum(returned), sum(to_accused), sum(complaint_decided), sum(forwarded_away),
      sum(forwards_late), sum(forwards_after_due), sum(forwards_returned), sum(forwards_to_accused)
    from (
      select x.body_id, x.month, x.region, x.on_time_original::int as on_time_original,
        x.paused_now::int as paused_now, x.paused_ever::int as paused_ever,
        x.paused_past_due::int as paused_past_due, x.returned::int as returned, x.to_accused::int as to_accused,
        x.complaint_decided::int as complaint_decided, 0 as forwarded_away, 0 as forwards_late,
        0 as forwards_after_due, 0 as forwards_returned, 0 as forwards_to_accused
      from metrics_clock_facts x join metrics_keys k on k.body_id = x.body_id and k.month = x.month
      union all
      select x.from_body_id, x.month, x.region, 0, 0, 0, 0, 0, 0, 0, 1, x.late::int, x.after_due::int,
        x.returned::int, x.to_accused::int
      from metrics_forward_facts x join metrics_keys k on k.body_id = x.from_body_id and k.month = x.month
    ) u
    group by body_id, month`);
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
