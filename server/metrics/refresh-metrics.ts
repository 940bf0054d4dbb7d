import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { almatyDate } from "../deadlines/working-calendar";
import { FORMAL_MIN_COPIES } from "./answer-signature";
import { appealFactsSelect, countAggregates } from "./appeal-facts-sql";
import { dropStaleFigures } from "./figures-cache";
import { signUnsignedAnswers } from "./record-answer-signature";
import { recountClockRollups, refreshClockFacts } from "./refresh-clock-facts";
import {
  applyFactDifferences,
  keepFactsAsTheyWere,
  recountAnswerMonthly,
  recountBodyMonthly,
} from "./rollup-deltas";
import { calendarVersion, rebuildWorkingDayIndex } from "./working-day-index";

// Event ids are taken when an event is written but become visible when its transaction commits, so an
// event with a lower id than the watermark can still appear: the last ids are looked at again, for the
// appeals whose facts were refreshed too soon after the event to be sure they saw it.
const EVENT_OVERLAP = 1000;
const LATE_COMMIT = "10 minutes";

/**
 * Brings the summary tables up to date with everything that happened since the last refresh: rebuilds
 * the facts of each appeal with a new event or moderation log entry, of each appeal whose deadline has
 * passed since, of each overdue appeal once a day (its days overdue grow), and of the appeal a changed
 * complaint is about; then recounts the (body, month) rollups those appeals belong to, before and after.
 * The first run, a change in the working-day calendar, or `rebuild` (after a bulk load) rebuilds everything. Idempotent; concurrent
 * runs queue on the state row. Returns how many appeals were refreshed.
 */
export async function refreshMetrics(
  db: Db,
  now: Date = new Date(),
  o: { rebuild?: boolean; log?: (line: string) => void } = {},
): Promise<number> {
  let started = Date.now();
  const step = (name: string) => {
    o.log?.(`${name.padEnd(34)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`);
    started = Date.now();
  };
  return db.transaction(async (tx) => {
    await tx.execute(sql`insert into metrics_state (id) values (1) on conflict do nothing`);
    const [current] = await tx.execute<{
      last_event_id: string;
      last_log_seq: string;
      refreshed_at: string | null;
      calendar_version: string | null;
    }>(sql`select * from metrics_state where id = 1 for update`);
    if (!current) throw new Error("metrics_state row missing");
    const version = await calendarVersion(tx);
    const full = o.rebuild || current.refreshed_at === null || current.calendar_version !== version;
    if (current.calendar_version !== version) await rebuildWorkingDayIndex(tx);
    // A rebuild hashes every appeal, answer and event at once: in the default 4 MB its joins and groupings
    // spill to disk in batches.
    if (full) await tx.execute(sql`set local work_mem = '256MB'`);
    const lastRefresh = current.refreshed_at ? new Date(current.refreshed_at) : null;

    const [marks] = await tx.execute<{ event_id: string; log_seq: string }>(sql`
      select coalesce((select max(id) from appeal_events), 0) as event_id,
             coalesce((select max(seq) from moderation_log), 0) as log_seq`);
    const eventId = Number(marks?.event_id ?? 0);
    const logSeq = Number(marks?.log_seq ?? 0);

    await tx.execute(sql`create temp table metrics_changed (appeal_id uuid primary key) on commit drop`);
    await tx.execute(
      sql`create temp table metrics_keys (body_id uuid, month date, primary key (body_id, month)) on commit drop`,
    );
    // Whether the figures can have changed: anything new, a deadline passed, or a new day (ages grow).
    // Otherwise the appeals looked at again (EVENT_OVERLAP) change the figures only if the rollups differ.
    let news = full || eventId > Number(current.last_event_id) || logSeq > Number(current.last_log_seq);
    const newDay = lastRefresh !== null && almatyDate(lastRefresh) !== almatyDate(now);
    if (full) {
      await tx.execute(sql`insert into metrics_changed select id from appeals`);
    } else {
      await tx.execute(sql`
        insert into metrics_changed
        select e.appeal_id from appeal_events e
        left join metrics_appeal_facts f on f.appeal_id = e.appeal_id
        where e.id > ${Number(current.last_event_id) - EVENT_OVERLAP} and e.id <= ${eventId}
          and (e.id > ${Number(current.last_event_id)} or f.refreshed_at is null
            or f.refreshed_at < e.occurred_at + ${LATE_COMMIT}::interval)
        union
        -- Grading rounds' entries are about no one appeal (docs/grading.md).
        select appeal_id from moderation_log where seq > ${Number(current.last_log_seq)} and seq <= ${logSeq}
          and appeal_id is not null
        on conflict do nothing`);
      const passed = await tx.execute(sql`
        insert into metrics_changed
        -- The same conditions as the partial index appeals_open_due_idx, so it serves this.
        select id from appeals
        where status not in ('answered', 'closed') and due_at >= ${lastRefresh?.toISOString() ?? null}::timestamptz and due_at < ${now.toISOString()}::timestamptz
        on conflict do nothing`);
      if (passed.count > 0) news = true;
      if (newDay) {
        news = true;
        await tx.execute(sql`
          insert into metrics_changed select appeal_id from metrics_appeal_facts where overdue
          on conflict do nothing`);
      }
      // A complaint answered or filed changes the figures of the appeal it is about.
      await tx.execute(sql`
        insert into metrics_changed
        select a.complaint_of_id from appeals a join metrics_changed c on c.appeal_id = a.id
        where a.complaint_of_id is not null
        on conflict do nothing`);
    }
    // Temporary tables are never analysed on their own: without this the planner guessed their size.
    await tx.execute(sql`analyze metrics_changed`);
    if (full) {
      // Every (body, month) with figures now is recounted, whether or not any appeal still falls in it.
      await tx.execute(sql`
        insert into metrics_keys
        select body_id, month from metrics_body_monthly union select body_id, month from metrics_clock_monthly`);
      // The facts are written anew into empty tables: updating a million rows in place took twice as long
      // (dead rows, index entries, conflict checks). Readers of the facts (an auditor's list of appeals
      // behind a figure) wait for the rebuild's commit; the dashboards read the rollups, which stay readable.
      await tx.execute(sql`truncate metrics_appeal_facts, metrics_clock_facts, metrics_forward_facts`);
    } else {
      await tx.execute(sql`
        insert into metrics_keys
        select distinct f.body_id, f.month from metrics_appeal_facts f join metrics_changed c using (appeal_id)
        on conflict do nothing`);
    }
    step("metrics: appeals to refresh");
    // Near-copies are counted when each answer is written (record-answer-signature.ts): the facts only
    // read them. A full rebuild first signs answers that have no signature yet.
    if (full) await signUnsignedAnswers(tx);
    step("metrics: formal replies");
    if (!full) await keepFactsAsTheyWere(tx);
    const refreshed = await upsertFacts(tx, now);
    step("metrics: appeal facts");
    await refreshClockFacts(tx, now);
    step("metrics: clock facts");
    await tx.execute(sql`
      insert into metrics_keys
      select distinct f.body_id, f.month from metrics_appeal_facts f join metrics_changed c using (appeal_id)
      on conflict do nothing`);
    await tx.execute(sql`analyze metrics_keys`);
    const before = news ? null : await rollupChecksum(tx);
    if (full) {
      await recountRollups(tx);
      await recountClockRollups(tx);
    } else {
      await applyFactDifferences(tx);
    }
    if (!news) news = (await rollupChecksum(tx)) !== before;
    step("metrics: rollups");

    // The refresh stamp moves only when the figures may have changed: every cached figure is keyed by it,
    // and moving it empties the cache of every dashboard (190–230 ms for the next reader on a million).
    await tx.execute(sql`
      update metrics_state
      set last_event_id = greatest(last_event_id, ${eventId}), last_log_seq = greatest(last_log_seq, ${logSeq})
        ${news ? sql`, refreshed_at = ${now.toISOString()}::timestamptz, calendar_version = ${version}` : sql``}
      where id = 1`);
    if (news) await dropStaleFigures(tx, now);
    return refreshed;
  });
}

const FACT_COLUMNS =
  sql.raw(`appeal_id, body_id, region, category, kind, month, due, answered, on_time, overdue,
  overdue_days, answer_days, forwards, extended, clarified, outcome, quality, heard, complained,
  complaint_upheld, declined, hidden, redacted, reversed, decision, lawful_language, names_legal_ground`);

async function upsertFacts(tx: Db, now: Date): Promise<number> {
  const rows = await tx.execute(sql`
    insert into metrics_appeal_facts (${FACT_COLUMNS}, similar_answers, refreshed_at)
    select ${FACT_COLUMNS}, signed.near_copies, ${now.toISOString()}::timestamptz
    from (${appealFactsSelect({
      now,
      where: sql`a.id in (select appeal_id from metrics_changed)`,
      formal: "skip",
    })}) facts
    -- Read with the facts rather than updated after them: a second write of every row in a rebuild.
    left join (select appeal_id, near_copies from answer_signatures) signed using (appeal_id)
    -- In key order, a rebuild appends to the primary key's index instead of writing all over it.
    order by appeal_id
    on conflict (appeal_id) do update set
      body_id = excluded.body_id, region = excluded.region, category = excluded.category,
      kind = excluded.kind, month = excluded.month, due = excluded.due, answered = excluded.answered,
      on_time = excluded.on_time, overdue = excluded.overdue, overdue_days = excluded.overdue_days,
      answer_days = excluded.answer_days, forwards = excluded.forwards, extended = excluded.extended,
      clarified = excluded.clarified, outcome = excluded.outcome, quality = excluded.quality,
      heard = excluded.heard, complained = excluded.complained, complaint_upheld = excluded.complaint_upheld,
      declined = excluded.declined, hidden = excluded.hidden, redacted = excluded.redacted,
      reversed = excluded.reversed, similar_answers = excluded.similar_answers,
      decision = excluded.decision, lawful_language = excluded.lawful_language,
      names_legal_ground = excluded.names_legal_ground,
      refreshed_at = excluded.refreshed_at
    returning appeal_id`);
  return rows.length;
}

/** A digest of every rollup row of the (body, month) pairs in metrics_keys, to tell whether a recount changed any. */
async function rollupChecksum(tx: Db): Promise<string> {
  const [row] = await tx.execute<{ digest: string }>(sql`
    select md5(coalesce(string_agg(r, ',' order by r), '')) as digest from (
      select x::text as r from metrics_monthly x join metrics_keys k using (body_id, month)
      union all select x::text from metrics_day_histograms x join metrics_keys k using (body_id, month)
      union all select x::text from metrics_clock_monthly x join metrics_keys k using (body_id, month)
      union all select x::text from metrics_clock_days x join metrics_keys k using (body_id, month)
      union all select x::text from metrics_answer_monthly x join metrics_keys k using (body_id, month)
    ) rows`);
  return row?.digest ?? "";
}

/** Recounts the rollups of every (body, month) in metrics_keys from the facts: a rebuild's way. */
async function recountRollups(tx: Db): Promise<void> {
  await tx.execute(sql`
    delete from metrics_monthly m using metrics_keys k where m.body_id = k.body_id and m.month = k.month`);
  await tx.execute(sql`
    delete from metrics_day_histograms d using metrics_keys k where d.body_id = k.body_id and d.month = k.month`);
  await tx.execute(sql`
    insert into metrics_monthly (body_id, month, category, region, received, application, message,
      response, proposal, request, complaint, due, answered, on_time, overdue, forwarded, ping_pong,
      extended, clarified, rated, resolved, partly, not_resolved, quality_sum, heard, complained,
      complaint_upheld, formal, declined, hidden, redacted, reversed)
    select f.body_id, f.month, f.category, f.region, ${countAggregates}
    from (
      select x.*, coalesce(x.similar_answers, 0) >= ${FORMAL_MIN_COPIES} as formal
      from metrics_appeal_facts x join metrics_keys k on k.body_id = x.body_id and k.month = x.month
    ) f
    group by f.body_id, f.month, f.category, f.region`);
  await recountBodyMonthly(tx);
  await recountAnswerMonthly(tx);
  await tx.execute(sql`
    insert into metrics_day_histograms (body_id, month, measure, region, histogram)
    select body_id, month, measure, region, string_agg(days || ':' || n, ' ' order by days)
    from (
      select x.body_id, x.month, 'answer'::metrics_day_measure as measure, x.region, x.answer_days as days,
        count(*)::int as n
      from metrics_appeal_facts x join metrics_keys k on k.body_id = x.body_id and k.month = x.month
      where x.answer_days is not null
      group by x.body_id, x.month, x.answer_days, x.region
      union all
      select x.body_id, x.month, 'overdue'::metrics_day_measure, x.region, x.overdue_days, count(*)::int
      from metrics_appeal_facts x join metrics_keys k on k.body_id = x.body_id and k.month = x.month
      where x.overdue_days is not null
      group by x.body_id, x.month, x.overdue_days, x.region
    ) per_day
    group by body_id, month, measure, region`);
}
