import { type SQL, sql } from "drizzle-orm";
import { almatyDate } from "../deadlines/working-calendar";

/**
 * The per-appeal and per-forward facts behind "The clock cannot be reset" (docs/metrics.md), as SELECTs
 * over the appeals and their events. The refresh stores them (refresh-clock-facts.ts); the tests compare
 * the stored figures with hand counts. Working days are metrics_working_days ordinal differences, as in
 * appeal-facts-sql.ts.
 */

const local = (column: SQL) => sql`(${column} at time zone 'UTC' + interval '5 hours')::date`;
const ordinalOf = (column: SQL) =>
  sql`(select w.ordinal from metrics_working_days w where w.date = ${local(column)})`;

/** Every forward of the appeals matched by `where` (on `a`), one row per `forwarded` event. */
export function forwardFactsSelect(o: { where: SQL }): SQL {
  return sql`
    select
      e.id as event_id,
      e.appeal_id,
      (e.data->>'from')::uuid as from_body_id,
      fb.region,
      date_trunc('month', ${local(sql`a.filed_at`)})::date as month,
      -- The forward event records whether the 3 working days of APPC Art. 76 were kept.
      coalesce((e.data->>'onTime')::boolean = false, false) as late,
      coalesce(e.occurred_at > (e.data->>'previousDueAt')::timestamptz, false) as after_due,
      ${ordinalOf(sql`e.occurred_at`)} - ${ordinalOf(sql`coalesce(
        (select max(p.occurred_at) from appeal_events p
         where p.appeal_id = e.appeal_id and p.type = 'forwarded' and p.id < e.id),
        a.filed_at)`)} as stay_days,
      exists (
        select 1 from appeal_events p
        where p.appeal_id = e.appeal_id and p.type = 'forwarded' and p.id < e.id
          and p.data->>'from' = e.data->>'to'
      ) as returned,
      coalesce(a.kind = 'complaint' and original.body_id = (e.data->>'to')::uuid, false) as to_accused
    from appeal_events e
    join appeals a on a.id = e.appeal_id
    join state_bodies fb on fb.id = (e.data->>'from')::uuid
    left join appeals original on original.id = a.complaint_of_id
    where e.type = 'forwarded' and ${o.where}`;
}

/** One row per appeal matched by `where` (on `a`), at instant `now`. */
export function clockFactsSelect(o: { now: Date; where: SQL }): SQL {
  const now = sql`${o.now.toISOString()}::timestamptz`;
  // Clarification requests that stopped the term, each with the reply that restarted it (if any).
  const pauses = sql`(
    select q.id, q.occurred_at as paused_at, r.occurred_at as resumed_at,
      (r.data->>'previousDueAt')::timestamptz as due_then
    from appeal_events q
    left join lateral (
      select x.occurred_at, x.data from appeal_events x
      where x.appeal_id = q.appeal_id and x.type = 'clarification_provided' and x.id > q.id
      order by x.id limit 1
    ) r on true
    where q.appeal_id = a.id and q.type = 'clarification_requested'
      and coalesce((q.data->>'pausesClock')::boolean, false)
  )`;
  const pausedNow = sql`(a.status = 'awaiting_clarification' and a.paused_at is not null)`;
  // The deadline before any extension at the body that holds the appeal now.
  const originalDue = sql`coalesce((
    select (x.data->>'from')::timestamptz from appeal_events x
    where x.appeal_id = a.id and x.type = 'deadline_extended'
      and x.id > coalesce((select max(y.id) from appeal_events y where y.appeal_id = a.id and y.type = 'forwarded'), 0)
    order by x.id limit 1), a.due_at)`;
  return sql`
    select
      a.id as appeal_id,
      a.body_id,
      b.region,
      date_trunc('month', ${local(sql`a.filed_at`)})::date as month,
      ${ordinalOf(sql`a.answered_at`)} - ${ordinalOf(sql`a.filed_at`)} as answer_days,
      ${ordinalOf(sql`a.answered_at`)} - ${ordinalOf(sql`a.received_at`)} as body_answer_days,
      case when a.answered_at is null and a.status <> 'closed' then ${ordinalOf(sql`a.filed_at`)} end
        as open_since_ordinal,
      case when a.answered_at is null and a.status = 'closed'
        then ${ordinalOf(sql`a.closed_at`)} - ${ordinalOf(sql`a.filed_at`)} end as censored_days,
      coalesce(a.answered_at <= ${originalDue}, false) as on_time_original,
      ${pausedNow} as paused_now,
      exists (select 1 from ${pauses} p) as paused_ever,
      (${pausedNow} and a.due_at < ${now})
        or exists (select 1 from ${pauses} p where p.resumed_at > p.due_then) as paused_past_due,
      (select sum(${ordinalOf(sql`p.resumed_at`)} - ${ordinalOf(sql`p.paused_at`)})::int
        from ${pauses} p where p.resumed_at is not null) as paused_days,
      case when ${pausedNow} then ${ordinalOf(sql`a.paused_at`)} end as paused_since_ordinal,
      exists (
        select 1 from appeal_events e join appeal_events p on p.appeal_id = e.appeal_id and p.id < e.id
        where e.appeal_id = a.id and e.type = 'forwarded' and p.type = 'forwarded'
          and p.data->>'from' = e.data->>'to'
      ) as returned,
      coalesce(a.kind = 'complaint' and exists (
        select 1 from appeal_events e join appeals original on original.id = a.complaint_of_id
        where e.appeal_id = a.id and e.type = 'forwarded' and (e.data->>'to')::uuid = original.body_id
      ), false) as to_accused,
      exists (
        select 1 from appeals c join appeal_answers ca on ca.appeal_id = c.id
        where c.complaint_of_id = a.id and c.filed_at >= a.answered_at
      ) as complaint_decided
    from appeals a
    join state_bodies b on b.id = a.body_id
    where ${o.where}`;
}

/** Today's working-day ordinal in Almaty: the age of an open appeal is this minus its filing ordinal. */
export const todayOrdinal = (now: Date) =>
  sql`(select w.ordinal from metrics_working_days w where w.date = ${almatyDate(now)}::date)`;
