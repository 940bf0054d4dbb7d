import { type SQL, sql } from "drizzle-orm";
import { almatyDate } from "../deadlines/working-calendar";
import { chosenAppeals, dayOf, local } from "./facts-sql-parts";

/**
 * The per-appeal and per-forward facts behind "The clock cannot be reset" (docs/metrics.md), as SELECTs
 * over the appeals and their events. The refresh stores them (refresh-clock-facts.ts); the tests compare
 * the stored figures with hand counts. Working days are metrics_working_days ordinal differences, as in
 * appeal-facts-sql.ts.
 *
 * Each appeal's events are read once and grouped, not looked up by a subquery per appeal: a rebuild of a
 * million appeals then scans the events once with hash joins (a correlated form made about fifteen index
 * probes per appeal), and a refresh of a few appeals still reads only theirs, by the events' index.
 */
const clockEvents = (where: SQL) => sql`
  ${chosenAppeals(where)},
  clock_events as materialized (
    select e.id, e.appeal_id, e.type, e.occurred_at, e.data from appeal_events e
    where e.appeal_id in (select id from chosen)
      and e.type in ('forwarded', 'deadline_extended', 'clarification_requested', 'clarification_provided')
  ),
  forwards as (
    select e.id, e.appeal_id, e.occurred_at, e.data, e.data->>'from' as from_body, e.data->>'to' as to_body,
      max(e.occurred_at) over (partition by e.appeal_id order by e.id
        rows between unbounded preceding and 1 preceding) as previous_at
    from clock_events e where e.type = 'forwarded'
  ),
  -- A forward that sends the appeal back to a body that forwarded it before: ping-pong.
  returning_forwards as (
    select distinct e.id, e.appeal_id from forwards e
    join forwards p on p.appeal_id = e.appeal_id and p.id < e.id and p.from_body = e.to_body
  )`;

/** Every forward of the appeals matched by `where` (on `a` and its body `b`), one row per `forwarded` event. */
export function forwardFactsSelect(o: { where: SQL }): SQL {
  return sql`
    with ${clockEvents(o.where)}
    select
      f.id as event_id,
      f.appeal_id,
      f.from_body::uuid as from_body_id,
      fb.region,
      date_trunc('month', ${local(sql`a.filed_at`)})::date as month,
      -- The forward event records whether the 3 working days of APPC Art. 76 were kept.
      coalesce((f.data->>'onTime')::boolean = false, false) as late,
      coalesce(f.occurred_at > (f.data->>'previousDueAt')::timestamptz, false) as after_due,
      forwarded_day.ordinal - since_day.ordinal as stay_days,
      r.id is not null as returned,
      coalesce(a.kind = 'complaint' and original.body_id = f.to_body::uuid, false) as to_accused
    from forwards f
    join appeals a on a.id = f.appeal_id
    join state_bodies fb on fb.id = f.from_body::uuid
    left join appeals original on original.id = a.complaint_of_id
    left join returning_forwards r on r.id = f.id
    ${dayOf("forwarded_day", sql`f.occurred_at`)}
    ${dayOf("since_day", sql`coalesce(f.previous_at, a.filed_at)`)}`;
}

/** One row per appeal matched by `where` (on `a` and its body `b`), at instant `now`. */
export function clockFactsSelect(o: { now: Date; where: SQL }): SQL {
  const now = sql`${o.now.toISOString()}::timestamptz`;
  const pausedNow = sql`(a.status = 'awaiting_clarification' and a.paused_at is not null)`;
  return sql`
    with ${clockEvents(o.where)},
    last_forward as (select appeal_id, max(id) as id from forwards group by appeal_id),
    -- The deadline before any extension at the body that holds the appeal now.
    original_due as (
      select distinct on (x.appeal_id) x.appeal_id, (x.data->>'from')::timestamptz as due_at
      from clock_events x left join last_forward l using (appeal_id)
      where x.type = 'deadline_extended' and x.id > coalesce(l.id, 0)
      order by x.appeal_id, x.id
    ),
    -- Clarification requests that stopped the term, each with the reply that restarted it (if any).
    pauses as (
      select q.appeal_id, q.occurred_at as paused_at, r.occurred_at as resumed_at,
        (r.data->>'previousDueAt')::timestamptz as due_then
      from (
        select x.*, min(x.id) filter (where x.type = 'clarification_provided')
          over (partition by x.appeal_id order by x.id rows between 1 following and unbounded following)
          as resumed_by
        from clock_events x
      ) q
      left join clock_events r on r.id = q.resumed_by
      where q.type = 'clarification_requested' and coalesce((q.data->>'pausesClock')::boolean, false)
    ),
    pause_totals as (
      select p.appeal_id, coalesce(bool_or(p.resumed_at > p.due_then), false) as resumed_past_due,
        (sum(resumed_day.ordinal - paused_day.ordinal) filter (where p.resumed_at is not null))::int
          as paused_days
      from pauses p
      ${dayOf("paused_day", sql`p.paused_at`)}
      ${dayOf("resumed_day", sql`p.resumed_at`)}
      group by p.appeal_id
    ),
    returned_appeals as (select distinct appeal_id from returning_forwards),
    to_accused as (
      select distinct f.appeal_id from forwards f
      join appeals a on a.id = f.appeal_id
      join appeals original on original.id = a.complaint_of_id
      where a.kind = 'complaint' and f.to_body::uuid = original.body_id
    ),
    complaint_decided as (
      select distinct a.id as appeal_id from chosen ch
      join appeals a on a.id = ch.id
      join appeals c on c.complaint_of_id = a.id and c.filed_at >= a.answered_at
      join appeal_answers ca on ca.appeal_id = c.id
    )
    select
      a.id as appeal_id,
      a.body_id,
      b.region,
      date_trunc('month', ${local(sql`a.filed_at`)})::date as month,
      answered_day.ordinal - filed_day.ordinal as answer_days,
      answered_day.ordinal - received_day.ordinal as body_answer_days,
      case when a.answered_at is null and a.status <> 'closed' then filed_day.ordinal end as open_since_ordinal,
      case when a.answered_at is null and a.status = 'closed'
        then closed_day.ordinal - filed_day.ordinal end as censored_days,
      coalesce(a.answered_at <= coalesce(od.due_at, a.due_at), false) as on_time_original,
      ${pausedNow} as paused_now,
      pt.appeal_id is not null as paused_ever,
      (${pausedNow} and a.due_at < ${now}) or coalesce(pt.resumed_past_due, false) as paused_past_due,
      pt.paused_days,
      case when ${pausedNow} then paused_day.ordinal end as paused_since_ordinal,
      ra.appeal_id is not null as returned,
      ta.appeal_id is not null as to_accused,
      cd.appeal_id is not null as complaint_decided
    from chosen ch
    join appeals a on a.id = ch.id
    join state_bodies b on b.id = a.body_id
    left join original_due od on od.appeal_id = a.id
    left join pause_totals pt on pt.appeal_id = a.id
    left join returned_appeals ra on ra.appeal_id = a.id
    left join to_accused ta on ta.appeal_id = a.id
    left join complaint_decided cd on cd.appeal_id = a.id
    ${dayOf("filed_day", sql`a.filed_at`)}
    ${dayOf("received_day", sql`a.received_at`)}
    ${dayOf("answered_day", sql`a.answered_at`)}
    ${dayOf("closed_day", sql`a.closed_at`)}
    ${dayOf("paused_day", sql`a.paused_at`)}`;
}

/** Today's working-day ordinal in Almaty: the age of an open appeal is this minus its filing ordinal. */
export const todayOrdinal = (now: Date) =>
  sql`(select w.ordinal from metrics_working_days w where w.date = ${almatyDate(now)}::date)`;
