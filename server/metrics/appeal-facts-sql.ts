import { type SQL, sql } from "drizzle-orm";
import { almatyDate } from "../deadlines/working-calendar";
import { FORMAL_MIN_COPIES } from "./answer-signature";
import { chosenAppeals, dayOf, local } from "./facts-sql-parts";

/**
 * The per-appeal facts every metric is built from, as one SELECT over the appeals (docs/metrics.md gives
 * each column's meaning). The refresh stores these rows in metrics_appeal_facts; the *Direct queries
 * aggregate them on the fly, so both read the definitions from this one place.
 *
 * Instants become Almaty dates by adding UTC+5 (see working-calendar.ts); working-day counts are
 * differences of metrics_working_days ordinals, i.e. WorkingCalendar.workingDaysBetween.
 */
export function appealFactsSelect(o: { now: Date; where: SQL; formal: "skip" | "compute" }): SQL {
  const now = sql`${o.now.toISOString()}::timestamptz`;
  const openPastDue = sql`(a.answered_at is null and a.due_at < ${now}
    and not (a.status = 'awaiting_clarification' and a.paused_at is not null))`;
  // Each appeal's events, log entries and complaints are read once and grouped, as in clock-facts-sql.ts.
  return sql`
    with ${chosenAppeals(o.where)},
    marks as (
      select e.appeal_id, bool_or(e.type = 'deadline_extended') as extended,
        bool_or(e.type = 'clarification_requested') as clarified
      from appeal_events e
      where e.appeal_id in (select id from chosen) and e.type in ('deadline_extended', 'clarification_requested')
      group by e.appeal_id
    ),
    logged as (
      select m.appeal_id, bool_or(m.action = 'decline') as declined, bool_or(m.action = 'hide') as hidden,
        bool_or(m.action = 'publish_redacted') as redacted, bool_or(m.action = 'contest_reversed') as reversed
      from moderation_log m
      where m.appeal_id in (select id from chosen)
        and m.action in ('decline', 'hide', 'publish_redacted', 'contest_reversed')
      group by m.appeal_id
    ),
    -- Complaints about the answer: filed after it.
    complaints as (
      select a.id as appeal_id,
        coalesce(bool_or(ca.decision in ('satisfied', 'partly_satisfied')), false) as upheld
      from chosen ch
      join appeals a on a.id = ch.id
      join appeals c on c.complaint_of_id = a.id and c.filed_at >= a.answered_at
      left join appeal_answers ca on ca.appeal_id = c.id
      group by a.id
    )
    select
      a.id as appeal_id,
      a.body_id,
      b.region,
      a.category,
      a.kind,
      date_trunc('month', ${local(sql`a.filed_at`)})::date as month,
      -- Paused past its original due date still counts as due: a pause must not hide an unanswered appeal.
      (a.answered_at is not null or a.due_at < ${now}) as due,
      a.answered_at is not null as answered,
      coalesce(ans.on_time, false) as on_time,
      ${openPastDue} as overdue,
      case when ${openPastDue} then now_day.ordinal - due_day.ordinal end as overdue_days,
      answered_day.ordinal - filed_day.ordinal as answer_days,
      a.forward_count as forwards,
      coalesce(mk.extended, false) as extended,
      coalesce(mk.clarified, false) as clarified,
      r.outcome,
      r.quality,
      r.heard,
      c.appeal_id is not null as complained,
      coalesce(c.upheld, false) as complaint_upheld,
      ${o.formal === "compute" ? sql`coalesce(s.near_copies, 0) >= ${FORMAL_MIN_COPIES}` : sql`false`} as formal,
      coalesce(lg.declined, false) as declined,
      coalesce(lg.hidden, false) as hidden,
      coalesce(lg.redacted, false) as redacted,
      coalesce(lg.reversed, false) as reversed
    from chosen ch
    join appeals a on a.id = ch.id
    join state_bodies b on b.id = a.body_id
    left join appeal_answers ans on ans.appeal_id = a.id
    left join appeal_ratings r on r.appeal_id = a.id
    left join marks mk on mk.appeal_id = a.id
    left join logged lg on lg.appeal_id = a.id
    left join complaints c on c.appeal_id = a.id
    ${o.formal === "compute" ? sql`left join answer_signatures s on s.appeal_id = ans.appeal_id` : sql``}
    ${dayOf("filed_day", sql`a.filed_at`)}
    ${dayOf("answered_day", sql`a.answered_at`)}
    ${dayOf("due_day", sql`a.due_at`)}
    left join metrics_working_days now_day on now_day.date = ${almatyDate(o.now)}::date`;
}

/**
 * Sums of facts rows `f`, one column per count of metric-set.ts, named as COUNT_COLUMNS so that the
 * rollup insert and the direct queries return the same shape.
 */
export const countAggregates = sql`
  count(*)::int as "received",
  count(*) filter (where f.kind = 'application')::int as "application",
  count(*) filter (where f.kind = 'message')::int as "message",
  count(*) filter (where f.kind = 'response')::int as "response",
  count(*) filter (where f.kind = 'proposal')::int as "proposal",
  count(*) filter (where f.kind = 'request')::int as "request",
  count(*) filter (where f.kind = 'complaint')::int as "complaint",
  count(*) filter (where f.due)::int as "due",
  count(*) filter (where f.answered)::int as "answered",
  count(*) filter (where f.on_time)::int as "onTime",
  count(*) filter (where f.overdue)::int as "overdue",
  count(*) filter (where f.forwards >= 1)::int as "forwarded",
  count(*) filter (where f.forwards >= 2)::int as "pingPong",
  count(*) filter (where f.extended)::int as "extended",
  count(*) filter (where f.clarified)::int as "clarified",
  count(f.outcome)::int as "rated",
  count(*) filter (where f.outcome = 'resolved')::int as "resolved",
  count(*) filter (where f.outcome = 'partly')::int as "partly",
  count(*) filter (where f.outcome = 'not_resolved')::int as "notResolved",
  coalesce(sum(f.quality), 0)::int as "qualitySum",
  count(*) filter (where f.heard)::int as "heard",
  count(*) filter (where f.complained)::int as "complained",
  count(*) filter (where f.complaint_upheld)::int as "complaintUpheld",
  count(*) filter (where f.formal)::int as "formal",
  count(*) filter (where f.declined)::int as "declined",
  count(*) filter (where f.hidden)::int as "hidden",
  count(*) filter (where f.redacted)::int as "redacted",
  count(*) filter (where f.reversed)::int as "reversed"`;
