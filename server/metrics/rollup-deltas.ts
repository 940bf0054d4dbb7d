import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { FORMAL_MIN_COPIES } from "./answer-signature";
import { signedCountAggregates } from "./appeal-facts-sql";
import { COUNT_COLUMNS, countColumnName } from "./metric-set";

/**
 * An incremental refresh changes the rollups by the difference its appeals' facts made, instead of
 * recounting every (body, month) they touch: a recount rescanned each of those months of each body's
 * facts, five times over (2.6 s for 100 changed appeals on a million). The facts of the changed appeals
 * are kept as they were (`keepFactsAsTheyWere`), rewritten, and then each rollup row gains what the new
 * facts add and loses what the old ones added (`applyFactDifferences`). The rows are then what a recount
 * would give (refresh-metrics.test.ts and clock-figures.test.ts compare them with a rebuild's).
 */

/** The columns of each facts table that a figure can depend on (not when the row was written). */
export const APPEAL_FACT_COLUMNS = sql.raw(`appeal_id, body_id, region, category, kind, month, due, answered,
  on_time, overdue, overdue_days, answer_days, forwards, extended, clarified, outcome, quality, heard,
  complained, complaint_upheld, declined, hidden, redacted, reversed, similar_answers, decision, lawful_language,
  names_legal_ground`);
export const CLOCK_FACT_COLUMNS = sql.raw(`appeal_id, body_id, region, month, answer_days, body_answer_days,
  open_since_ordinal, censored_days, on_time_original, paused_now, paused_ever, paused_past_due, paused_days,
  paused_since_ordinal, returned, to_accused, complaint_decided`);
export const FORWARD_FACT_COLUMNS =
  sql.raw(`event_id, appeal_id, from_body_id, region, month, late, after_due,
  stay_days, returned, to_accused`);

/** Each day measure of a clock fact `x`, as metrics_clock_days counts it (docs/metrics.md). */
export const CLOCK_DAY_MEASURES = [
  ["answered", sql`x.answer_days`],
  ["open_since", sql`x.open_since_ordinal`],
  ["censored", sql`x.censored_days`],
  ["body_answer", sql`x.body_answer_days`],
  ["paused", sql`case when x.paused_ever and not x.paused_now then coalesce(x.paused_days, 0) end`],
  ["paused_since", sql`x.paused_since_ordinal - coalesce(x.paused_days, 0)`],
] as const;

const FACTS = [
  { table: "metrics_appeal_facts", columns: APPEAL_FACT_COLUMNS },
  { table: "metrics_clock_facts", columns: CLOCK_FACT_COLUMNS },
  { table: "metrics_forward_facts", columns: FORWARD_FACT_COLUMNS },
] as const;

/** Copies the facts of the appeals in metrics_changed, before the refresh rewrites them, to `<table>_before`. */
export async function keepFactsAsTheyWere(tx: Db): Promise<void> {
  for (const { table, columns } of FACTS) {
    await tx.execute(sql`
      create temp table ${sql.raw(`${table}_before`)} on commit drop as
      select ${columns} from ${sql.raw(table)} join metrics_changed using (appeal_id)`);
  }
}

/**
 * Writes `<table>_change`: the changed appeals' facts rows that are new, signed +1, and those that are
 * gone, signed −1. A row the refresh wrote again unchanged appears in neither.
 */
async function factChanges(tx: Db, table: string, columns: SQL): Promise<void> {
  const now = sql`select ${columns} from ${sql.raw(table)} join metrics_changed using (appeal_id)`;
  const before = sql`select ${columns} from ${sql.raw(`${table}_before`)}`;
  await tx.execute(sql`
    create temp table ${sql.raw(`${table}_change`)} on commit drop as
    select 1 as sign, * from (${now} except all ${before}) added
    union all
    select -1, * from (${before} except all ${now}) removed`);
}

/** Applies the differences of the changed appeals' facts to every rollup. */
export async function applyFactDifferences(tx: Db): Promise<void> {
  for (const { table, columns } of FACTS) await factChanges(tx, table, columns);
  await addToMonthly(tx);
  await recountBodyMonthly(tx);
  await addToDayHistograms(tx);
  await addToAnswerMonthly(tx);
  await addToClockMonthly(tx);
  await addToClockDays(tx);
}

async function addToMonthly(tx: Db): Promise<void> {
  const names = COUNT_COLUMNS.map(countColumnName);
  await tx.execute(sql`
    insert into metrics_monthly (body_id, month, category, region, ${sql.raw(names.join(", "))})
    select f.body_id, f.month, f.category, f.region, ${signedCountAggregates}
    from (
      select x.*, coalesce(x.similar_answers, 0) >= ${FORMAL_MIN_COPIES} as formal from metrics_appeal_facts_change x
    ) f
    group by f.body_id, f.month, f.category, f.region
    on conflict (body_id, month, category) do update set
      ${sql.raw(names.map((c) => `${c} = metrics_monthly.${c} + excluded.${c}`).join(", "))}`);
  // A row counts the appeals of its body, month and category: none left, no row, as in a recount.
  await tx.execute(sql`
    delete from metrics_monthly m using metrics_keys k
    where m.body_id = k.body_id and m.month = k.month and m.received = 0`);
}

/** Recounts metrics_body_monthly for the (body, month) pairs in metrics_keys from metrics_monthly. */
export async function recountBodyMonthly(tx: Db): Promise<void> {
  const names = COUNT_COLUMNS.map(countColumnName);
  await tx.execute(sql`
    delete from metrics_body_monthly m using metrics_keys k where m.body_id = k.body_id and m.month = k.month`);
  await tx.execute(sql`
    insert into metrics_body_monthly (body_id, month, region, ${sql.raw(names.join(", "))})
    select m.body_id, m.month, m.region, ${sql.raw(names.map((c) => `sum(m.${c})`).join(", "))}
    from metrics_monthly m join metrics_keys k on k.body_id = m.body_id and k.month = m.month
    group by m.body_id, m.month, m.region`);
}

/** The histograms are text ("days:appeals" pairs): the touched ones are read, merged with the changes and written back. */
async function addToDayHistograms(tx: Db): Promise<void> {
  await tx.execute(sql`
    create temp table metrics_day_histogram_merge on commit drop as
    with changes as (
      select x.body_id, x.month, 'answer'::metrics_day_measure as measure, x.region, x.answer_days as days,
        sum(x.sign)::int as n
      from metrics_appeal_facts_change x where x.answer_days is not null
      group by x.body_id, x.month, x.region, x.answer_days
      union all
      select x.body_id, x.month, 'overdue', x.region, x.overdue_days, sum(x.sign)::int
      from metrics_appeal_facts_change x where x.overdue_days is not null
      group by x.body_id, x.month, x.region, x.overdue_days
    ),
    touched as (select distinct body_id, month, measure from changes),
    stored as (
      select h.body_id, h.month, h.measure, h.region, split_part(pair, ':', 1)::int as days,
        split_part(pair, ':', 2)::int as n
      from metrics_day_histograms h join touched t using (body_id, month, measure)
      cross join lateral string_to_table(h.histogram, ' ') pair
    ),
    merged as (
      select body_id, month, measure, min(region) as region, days, sum(n)::int as n
      from (select * from stored union all select * from changes) u
      group by body_id, month, measure, days
      having sum(n) <> 0
    )
    select t.body_id, t.month, t.measure, min(m.region) as region,
      string_agg(m.days || ':' || m.n, ' ' order by m.days) as histogram
    from touched t left join merged m using (body_id, month, measure)
    group by t.body_id, t.month, t.measure`);
  await tx.execute(sql`
    delete from metrics_day_histograms h using metrics_day_histogram_merge m
    where h.body_id = m.body_id and h.month = m.month and h.measure = m.measure`);
  await tx.execute(sql`
    insert into metrics_day_histograms (body_id, month, measure, region, histogram)
    select body_id, month, measure, region, histogram from metrics_day_histogram_merge where histogram is not null`);
}

const ANSWER_COUNTS = ["answered", "checked", "lawful", "grounded", "formal"];

/**
 * The rows of metrics_answer_monthly summed from the facts `f` of `facts` that have an answer, each row
 * weighing `weight`: a rebuild's recount (1 over the facts) or a refresh's differences (±1 over the changes).
 */
const answerMonthlySums = (o: { weight: SQL; facts: SQL }) => sql`
  insert into metrics_answer_monthly (body_id, month, region, decision, outcome, ${sql.raw(ANSWER_COUNTS.join(", "))})
  select f.body_id, f.month, min(f.region), f.decision, f.outcome,
    sum(${o.weight})::int,
    coalesce(sum(${o.weight}) filter (where f.lawful_language is not null), 0)::int,
    coalesce(sum(${o.weight}) filter (where f.lawful_language), 0)::int,
    coalesce(sum(${o.weight}) filter (where f.names_legal_ground), 0)::int,
    coalesce(sum(${o.weight}) filter (where coalesce(f.similar_answers, 0) >= ${FORMAL_MIN_COPIES}), 0)::int
  from ${o.facts}
  where f.decision is not null
  group by f.body_id, f.month, f.decision, f.outcome`;

/** Recounts metrics_answer_monthly for the (body, month) pairs in metrics_keys: a rebuild's way. */
export async function recountAnswerMonthly(tx: Db): Promise<void> {
  await tx.execute(sql`
    delete from metrics_answer_monthly m using metrics_keys k where m.body_id = k.body_id and m.month = k.month`);
  await tx.execute(
    answerMonthlySums({
      weight: sql`1`,
      facts: sql`metrics_appeal_facts f join metrics_keys k on k.body_id = f.body_id and k.month = f.month`,
    }),
  );
}

async function addToAnswerMonthly(tx: Db): Promise<void> {
  await tx.execute(sql`
    ${answerMonthlySums({ weight: sql`f.sign`, facts: sql`metrics_appeal_facts_change f` })}
    on conflict on constraint metrics_answer_monthly_key do update set
      ${sql.raw(ANSWER_COUNTS.map((c) => `${c} = metrics_answer_monthly.${c} + excluded.${c}`).join(", "))}`);
  await tx.execute(sql`
    delete from metrics_answer_monthly m using metrics_keys k
    where m.body_id = k.body_id and m.month = k.month and m.answered = 0`);
}

const CLOCK_MONTHLY_COUNTS = [
  "on_time_original",
  "paused_now",
  "paused_ever",
  "paused_past_due",
  "returned",
  "to_accused",
  "complaint_decided",
  "forwarded_away",
  "forwards_late",
  "forwards_after_due",
  "forwards_returned",
  "forwards_to_accused",
] as const;

/**
 * The rows of metrics_clock_monthly summed from the clock facts `x` of `clock` and the forward facts `x` of
 * `forwards`, each row weighing `weight`: a rebuild's recount (1 over the facts) or a refresh's
 * differences (±1 over the changes).
 */
export const clockMonthlySums = (o: { weight: SQL; clock: SQL; forwards: SQL }) => sql`
    insert into metrics_clock_monthly (body_id, month, region, ${sql.raw(CLOCK_MONTHLY_COUNTS.join(", "))})
    select body_id, month, min(region), ${sql.raw(CLOCK_MONTHLY_COUNTS.map((c) => `sum(${c})`).join(", "))}
    from (
      select x.body_id, x.month, x.region, ${o.weight} * x.on_time_original::int as on_time_original,
        ${o.weight} * x.paused_now::int as paused_now, ${o.weight} * x.paused_ever::int as paused_ever,
        ${o.weight} * x.paused_past_due::int as paused_past_due, ${o.weight} * x.returned::int as returned,
        ${o.weight} * x.to_accused::int as to_accused,
        ${o.weight} * x.complaint_decided::int as complaint_decided,
        0 as forwarded_away, 0 as forwards_late, 0 as forwards_after_due, 0 as forwards_returned,
        0 as forwards_to_accused
      from ${o.clock}
      union all
      select x.from_body_id, x.month, x.region, 0, 0, 0, 0, 0, 0, 0, ${o.weight}, ${o.weight} * x.late::int,
        ${o.weight} * x.after_due::int, ${o.weight} * x.returned::int, ${o.weight} * x.to_accused::int
      from ${o.forwards}
    ) u
    group by body_id, month`;

async function addToClockMonthly(tx: Db): Promise<void> {
  await tx.execute(sql`
    ${clockMonthlySums({
      weight: sql`x.sign`,
      clock: sql`metrics_clock_facts_change x`,
      forwards: sql`metrics_forward_facts_change x`,
    })}
    on conflict (body_id, month) do update set
      ${sql.raw(CLOCK_MONTHLY_COUNTS.map((c) => `${c} = metrics_clock_monthly.${c} + excluded.${c}`).join(", "))}`);
  // A row exists while its body holds an appeal of that month or sent one away, as in a recount.
  await tx.execute(sql`
    delete from metrics_clock_monthly m using metrics_keys k
    where m.body_id = k.body_id and m.month = k.month
      and not exists (select 1 from metrics_clock_facts x where x.body_id = m.body_id and x.month = m.month)
      and not exists (
        select 1 from metrics_forward_facts x where x.from_body_id = m.body_id and x.month = m.month)`);
}

async function addToClockDays(tx: Db): Promise<void> {
  const perMeasure = CLOCK_DAY_MEASURES.map(
    ([measure, days]) => sql`
      select x.body_id, x.month, ${measure}::metrics_clock_measure as measure, ${days} as days,
        min(x.region) as region, sum(x.sign)::int as count
      from metrics_clock_facts_change x
      where ${days} is not null
      group by x.body_id, x.month, ${days}`,
  );
  await tx.execute(sql`
    create temp table metrics_clock_days_change on commit drop as
    select body_id, month, measure, days, min(region) as region, sum(count)::int as count
    from (
      ${sql.join(perMeasure, sql` union all `)}
      union all
      select x.from_body_id, x.month, 'stay', x.stay_days, min(x.region), sum(x.sign)::int
      from metrics_forward_facts_change x
      where x.stay_days is not null
      group by x.from_body_id, x.month, x.stay_days
    ) u
    group by body_id, month, measure, days
    having sum(count) <> 0`);
  await tx.execute(sql`
    insert into metrics_clock_days (body_id, month, measure, days, region, count)
    select body_id, month, measure, days, region, count from metrics_clock_days_change
    on conflict (body_id, month, measure, days) do update set count = metrics_clock_days.count + excluded.count`);
  // Only the rows just changed can have come to zero.
  await tx.execute(sql`
    delete from metrics_clock_days d using metrics_clock_days_change c
    where (d.body_id, d.month, d.measure, d.days) = (c.body_id, c.month, c.measure, c.days) and d.count = 0`);
}
