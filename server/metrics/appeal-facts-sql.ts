import { type SQL, sql } from "drizzle-orm";
import type { AppealKind } from "../deadlines/deadline-policy";
import { almatyDate } from "../deadlines/working-calendar";
import { FORMAL_MIN_COPIES } from "./answer-signature";
import { chosenAppeals, dayOf, local } from "./facts-sql-parts";
import { FIGURES } from "./figures";
import { COUNT_COLUMNS, type CountColumn } from "./metric-set";

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
      ans.decision,
      ans.lawful_language,
      ans.names_legal_ground,
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

const kindIs = (kind: AppealKind) => sql.raw(`f.kind = '${kind}'`);

/**
 * When a facts row `f` adds one to each count of metric-set.ts (`qualitySum` adds its quality instead):
 * the conditions an auditor opens a figure by (figures.ts), so a figure's list has as many appeals as it
 * counts. `formal` is a column here: the stored facts keep the near-copy count, the direct queries the flag.
 */
const COUNTED_WHEN: Record<Exclude<CountColumn, "qualitySum">, SQL> = {
  received: FIGURES.received,
  application: kindIs("application"),
  message: kindIs("message"),
  response: kindIs("response"),
  proposal: kindIs("proposal"),
  request: kindIs("request"),
  complaint: kindIs("complaint"),
  due: FIGURES.due,
  answered: FIGURES.answered,
  onTime: FIGURES.onTime,
  overdue: FIGURES.overdue,
  forwarded: FIGURES.forwarded,
  pingPong: FIGURES.pingPong,
  extended: FIGURES.extended,
  clarified: FIGURES.clarified,
  rated: FIGURES.rated,
  resolved: FIGURES.resolved,
  partly: FIGURES.partly,
  notResolved: FIGURES.notResolved,
  heard: FIGURES.heard,
  complained: FIGURES.complained,
  complaintUpheld: FIGURES.complaintUpheld,
  formal: sql`f.formal`,
  declined: FIGURES.declined,
  hidden: FIGURES.hidden,
  redacted: FIGURES.redacted,
  reversed: FIGURES.reversed,
};

/** Each count summed over facts rows `f`, each row weighing `weight` (1, or a refresh's ±1). */
const sumsOfCounts = (weight: SQL) =>
  sql.join(
    COUNT_COLUMNS.map((c) =>
      c === "qualitySum"
        ? sql`coalesce(sum(${weight} * f.quality), 0)::int as "qualitySum"`
        : sql`coalesce(sum(${weight}) filter (where ${COUNTED_WHEN[c]}), 0)::int as ${sql.identifier(c)}`,
    ),
    sql`, `,
  );

/**
 * Sums of facts rows `f`, one column per count of metric-set.ts, named as COUNT_COLUMNS so that the
 * rollup insert and the direct queries return the same shape.
 */
export const countAggregates = sumsOfCounts(sql`1`);

/** The same sums with each row of `f` counted by its `sign`: +1 for a fact as it is now, −1 as it was. */
export const signedCountAggregates = sumsOfCounts(sql`f.sign`);
