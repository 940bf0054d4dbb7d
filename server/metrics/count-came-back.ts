import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { CAME_BACK_DAYS, cameBackCountedAt } from "./answer-figures";
import { local } from "./facts-sql-parts";

/**
 * Counts, for every body and month filed, the answered appeals with an author and those that came back
 * (answer-figures.ts CAME_BACK), into metrics_came_back_monthly, and stamps the count. Run each night
 * (countCameBackIfDue): an answer can come back for 180 days after it is sent, a later forward can change which
 * body a return went to, so the count is redone whole rather than kept by the minute's refresh; the
 * dashboards show when it was made.
 *
 * CAME_BACK asked of each answer on its own pairs it with every appeal of its author in the category: on
 * a million appeals, tens of millions of pairs. Here each answered appeal and each appeal that may be its
 * return become rows keyed by author, category and a body, sorted once, and a window counts the appeals
 * filed in the 180 days after each answer: an appeal is keyed under its body (the answer's own body, or
 * the body above the answer's) and under its parent (a body below the answer's).
 */
export async function countCameBack(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    // One sort of every appeal twice and every answer twice: in the default 4 MB it spills to disk.
    await tx.execute(sql`set local work_mem = '512MB'`);
    await tx.execute(sql`delete from metrics_came_back_monthly`);
    const rows = await tx.execute(sql`
      with keyed as (
        select a.author_id, a.category, k.key, k.at, k.as_own_body, k.as_child, k.answered_id
        from appeals a
        join state_bodies b on b.id = a.body_id
        left join appeal_answers ans on ans.appeal_id = a.id
        cross join lateral (values
          (a.body_id, a.filed_at, 1, 0, null::uuid),
          (b.parent_id, a.filed_at, 0, 1, null::uuid),
          (a.body_id, ans.answered_at, 0, 0, a.id),
          (b.parent_id, ans.answered_at, 0, 0, a.id)
        ) k(key, at, as_own_body, as_child, answered_id)
        where a.author_id is not null and k.key is not null and k.at is not null
      ),
      windowed as (
        -- Strictly after the answer: the frame from the answer's time, less the rows at that very time.
        select answered_id, key,
          sum(as_own_body) over later - sum(as_own_body) over same_time as own_body,
          sum(as_child) over later - sum(as_child) over same_time as children
        from keyed
        window
          later as (partition by author_id, category, key order by at
            range between current row and ${`${CAME_BACK_DAYS} days`}::interval following),
          same_time as (partition by author_id, category, key order by at
            range between current row and current row)
      ),
      returns as (
        -- Under the answer's own body both kinds count (the same body, a body below); under its parent only
        -- appeals to that body itself (a sibling of the answer's body is no return).
        select w.answered_id as appeal_id,
          sum(case when w.key = a.body_id then w.own_body + w.children else w.own_body end) as later
        from windowed w join appeals a on a.id = w.answered_id
        where w.answered_id is not null
        group by w.answered_id
      ),
      complaints as (
        -- Complaints about the answered appeal that the window counted: CAME_BACK does not count them.
        select a.id as appeal_id, count(*) as n
        from appeals a
        join appeal_answers ans on ans.appeal_id = a.id
        join state_bodies b on b.id = a.body_id
        join appeals n on n.complaint_of_id = a.id
        join state_bodies nb on nb.id = n.body_id
        where n.author_id = a.author_id and n.category = a.category
          and n.filed_at > ans.answered_at
          and n.filed_at <= ans.answered_at + ${`${CAME_BACK_DAYS} days`}::interval
          and (n.body_id = a.body_id or nb.parent_id = a.body_id or n.body_id = b.parent_id)
        group by a.id
      )
      insert into metrics_came_back_monthly (body_id, month, region, came_back, came_back_base)
      select a.body_id, date_trunc('month', ${local(sql`a.filed_at`)})::date, min(b.region),
        -- Nor the appeal itself, had it been filed after its answer.
        count(*) filter (where r.later > coalesce(x.n, 0) + (a.filed_at > ans.answered_at
          and a.filed_at <= ans.answered_at + ${`${CAME_BACK_DAYS} days`}::interval)::int),
        count(*)
      from appeals a
      join appeal_answers ans on ans.appeal_id = a.id
      join state_bodies b on b.id = a.body_id
      left join returns r on r.appeal_id = a.id
      left join complaints x on x.appeal_id = a.id
      where a.author_id is not null
      group by 1, 2
      returning 1`);
    await tx.execute(sql`
      insert into metrics_state (id, came_back_counted_at) values (1, ${now.toISOString()}::timestamptz)
      on conflict (id) do update set came_back_counted_at = excluded.came_back_counted_at`);
    // Answer figures computed before this count hold the last one's.
    await tx.execute(sql`delete from metrics_figures_cache where key like 'answer-figures:%'`);
    return rows.length;
  });
}

/** The hour, in UTC, of the nightly count: 02:00 in Almaty (UTC+5 all year). */
export const CAME_BACK_COUNT_HOUR_UTC = 21;

/**
 * Counts unless the last count was made since the latest nightly hour: the job runs on its schedule and
 * at every process start, and a start should make up a missed night, not redo half a minute of counting
 * on a million appeals each time a process restarts. Returns the rows written, 0 when skipped.
 */
export async function countCameBackIfDue(db: Db, now: Date): Promise<number> {
  const lastNight = new Date(now);
  lastNight.setUTCHours(CAME_BACK_COUNT_HOUR_UTC, 0, 0, 0);
  if (lastNight > now) lastNight.setUTCDate(lastNight.getUTCDate() - 1);
  const counted = await cameBackCountedAt(db);
  if (counted && new Date(counted) >= lastNight) return 0;
  return countCameBack(db, now);
}
