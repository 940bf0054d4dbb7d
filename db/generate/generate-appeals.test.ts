import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { considerationDueAt, registrationDate, resumeAfterPause } from "@/server/deadlines/deadline-policy";
import { loadDeadlinePolicy, loadWorkingCalendar } from "@/server/deadlines/load-calendar";
import { almatyDate } from "@/server/deadlines/working-calendar";
import { signCheckpoint } from "@/server/moderation/checkpoint";
import { newSigningKeyPem, signingKeyFromPem } from "@/server/moderation/log-signing-key";
import { verifyLog } from "@/server/moderation/verify-log";
import { useTestDatabase } from "@/test/database";
import { allowClarificationPause } from "@/test/pause-policy";
import { type GenerateSummary, generateAppeals } from "./generate-appeals";

const NOW = new Date("2026-11-20T07:00:00Z");
const APPEALS = 2000;

describe("the benchmark data generator", () => {
  const db = useTestDatabase();
  let summary: GenerateSummary;
  const rows = async <T>(query: ReturnType<typeof sql>) => (await db().execute(query)) as unknown as T[];
  const count = async (query: ReturnType<typeof sql>) =>
    Number(((await db().execute(query)) as unknown as { n: number }[])[0]?.n);

  beforeAll(async () => {
    // The generator plays services whose administrators let a clarification pause the term (off by
    // default, docs/metrics.md "Parked appeals"): the domain is checked under the same policy.
    await allowClarificationPause(db());
    summary = await generateAppeals(db(), { appeals: APPEALS, months: 18, seed: 7, now: NOW });
  }, 120_000);

  it("writes exactly the appeals asked for, complaints included, each with its number and first event", async () => {
    expect(summary.appeals).toBe(APPEALS);
    expect(await count(sql`select count(*)::int as n from appeals`)).toBe(APPEALS);
    expect(summary.complaints).toBeGreaterThan(0);
    expect(await count(sql`select count(*)::int as n from appeals where complaint_of_id is not null`)).toBe(
      summary.complaints,
    );
    expect(
      await count(sql`select count(*)::int as n from appeals a join appeal_events e
        on e.appeal_id = a.id and e.type = 'registered' and e.data->>'number' = a.number`),
    ).toBe(APPEALS);
    // Numbers are gapless per year, as nextAppealNumber gives them.
    const years = await rows<{ year: number; n: number; last: number; max: number }>(sql`
      select c.year, c.last, count(*)::int as n, max(split_part(a.number, '-', 3)::int) as max
      from appeals a join appeal_number_counters c on c.year = split_part(a.number, '-', 2)::int
      group by c.year, c.last`);
    for (const y of years) expect([y.n, y.max]).toEqual([y.last, y.last]);
    expect(summary.from >= "2025-05-20").toBe(true);
  });

  it("keeps every appeal's state, history and answer consistent with each other", async () => {
    const violations = await rows<{ check: string; n: number }>(sql`
      select 'status without its moment' as check, count(*)::int as n from appeals
        where (status = 'closed' and (closed_at is null or answered_at is null))
           or (status = 'answered' and (answered_at is null or closed_at is not null))
           or (status in ('registered', 'in_progress') and answered_at is not null)
           or (status = 'awaiting_clarification' and paused_at is null)
      union all
      select 'answer row differs', count(*)::int from appeals a
        full join appeal_answers x on x.appeal_id = a.id
        where (a.answered_at is null) <> (x.appeal_id is null) or x.answered_at <> a.answered_at
           or x.on_time <> (x.answered_at <= a.due_at) or x.body_id <> a.body_id
      union all
      select 'forward count differs', count(*)::int from appeals a
        where a.forward_count <> (select count(*) from appeal_events e where e.appeal_id = a.id and e.type = 'forwarded')
      union all
      select 'overdue without its event', count(*)::int from appeals a
        where (a.overdue_at is not null) <> exists (select 1 from appeal_events e
          where e.appeal_id = a.id and e.type = 'deadline_missed')
      union all
      select 'event out of time', count(*)::int from appeal_events e join appeals a on a.id = e.appeal_id
        where e.occurred_at < a.filed_at or e.occurred_at > ${NOW.toISOString()}::timestamptz
      union all
      select 'history not in order', count(*)::int from (
        select occurred_at < lag(occurred_at) over (partition by appeal_id order by id) as back from appeal_events
      ) h where back
      union all
      select 'rating without answer', count(*)::int from appeal_ratings r join appeals a on a.id = r.appeal_id
        where a.answered_at is null or r.rated_at < a.answered_at
      union all
      select 'complaint not to the superior body', count(*)::int from appeals c
        join appeals o on o.id = c.complaint_of_id join state_bodies b on b.id = o.body_id
        where c.body_id <> b.parent_id or c.kind <> 'complaint' or c.filed_at < o.answered_at
      union all
      select 'answered while paused', count(*)::int from appeals where paused_at is not null and answered_at is not null`);
    expect(violations.filter((v) => v.n > 0)).toEqual([]);
  });

  it("computes registrations and deadlines exactly as the domain does", async () => {
    const cal = await loadWorkingCalendar(db());
    const policy = await loadDeadlinePolicy(db(), "application");
    const plain = await rows<{ filed_at: string; registered_on: string; due_at: string }>(sql`
      select a.filed_at, a.registered_on, a.due_at from appeals a
      where a.kind = 'application' and a.forward_count = 0 and a.extended_at is null
        and not exists (select 1 from appeal_events e where e.appeal_id = a.id and e.type = 'clarification_requested')`);
    expect(plain.length).toBeGreaterThan(500);
    for (const a of plain) {
      const registeredOn = registrationDate(new Date(a.filed_at), cal);
      expect(a.registered_on).toBe(registeredOn);
      expect(new Date(a.due_at).toISOString()).toBe(
        considerationDueAt(registeredOn, policy, cal).toISOString(),
      );
    }
    const clarified = await rows<{ due0: string; paused: string; resumed: string; due_at: string }>(sql`
      select (q.data->>'previousDueAt') as due0, q0.occurred_at as paused, q.occurred_at as resumed, a.due_at
      from appeals a
      join appeal_events q on q.appeal_id = a.id and q.type = 'clarification_provided'
      join appeal_events q0 on q0.appeal_id = a.id and q0.type = 'clarification_requested'
      where a.extended_at is null`);
    expect(clarified.length).toBeGreaterThan(0);
    for (const c of clarified) {
      const expected = resumeAfterPause(
        { dueAt: new Date(c.due0), pausedAt: new Date(c.paused), resumedAt: new Date(c.resumed) },
        policy,
        cal,
      );
      expect(new Date(c.due_at).toISOString()).toBe(expected.toISOString());
    }
    const forwarded = await rows<{ at: string; registered_on: string }>(sql`
      select e.occurred_at as at, a.registered_on from appeals a
      join appeal_events e on e.appeal_id = a.id and e.type = 'forwarded' and e.data->>'to' = a.body_id::text`);
    expect(forwarded.length).toBeGreaterThan(0);
    for (const f of forwarded) expect(f.registered_on).toBe(registrationDate(new Date(f.at), cal));
  });

  it("makes a realistic mix: bodies of very different sizes, seasons, late answers, forwards, ping-pong", async () => {
    const [mix] = await rows<Record<string, number>>(sql`
      select
        (select max(n) from (select count(*) as n from appeals group by body_id) s)::float8 /
          (select percentile_cont(0.5) within group (order by n) from (select count(*) as n from appeals group by body_id) s) as size_ratio,
        avg((not x.on_time)::int) filter (where x.appeal_id is not null)::float8 as late_share,
        avg((a.forward_count >= 1)::int)::float8 as forwarded_share,
        count(*) filter (where a.forward_count >= 2)::int as ping_pong,
        avg((a.extended_at is not null)::int)::float8 as extended_share,
        (select count(*) from appeal_ratings)::int as rated,
        (select count(*) from appeal_publications where visibility in ('published', 'published_redacted'))::int as published,
        (select count(*) from moderation_log where action = 'decline')::int as declined
      from appeals a left join appeal_answers x on x.appeal_id = a.id`);
    expect(mix?.size_ratio).toBeGreaterThan(10);
    expect(mix?.late_share).toBeGreaterThan(0.03);
    expect(mix?.late_share).toBeLessThan(0.4);
    expect(mix?.forwarded_share).toBeGreaterThan(0.02);
    expect(mix?.ping_pong).toBeGreaterThan(0);
    expect(mix?.extended_share).toBeGreaterThan(0.01);
    expect(mix?.rated).toBeGreaterThan(200);
    expect(mix?.published).toBeGreaterThan(200);
    expect(mix?.declined).toBeGreaterThan(0);
    const [season] = await rows<{ winter: number; summer: number }>(sql`
      select count(*) filter (where extract(month from filed_at + interval '5 hours') in (12, 1, 2))::float8 as winter,
             count(*) filter (where extract(month from filed_at + interval '5 hours') in (6, 7, 8))::float8 as summer
      from appeals where category = 'housing_utilities' and filed_at >= '2025-06-01' and filed_at < '2026-03-01'`);
    expect(season?.winter).toBeGreaterThan((season?.summer ?? 0) * 1.5);
  });

  it("writes a moderation log that verifies, and publications that cite it", async () => {
    const entries = await rows<{ seq: number; canonical: string; entryHash: string }>(
      sql`select seq::int as seq, canonical, entry_hash as "entryHash" from moderation_log order by seq`,
    );
    expect(entries.length).toBe(summary.logEntries);
    const key = signingKeyFromPem(newSigningKeyPem());
    const checkpoint = await signCheckpoint(db(), key, NOW);
    expect(verifyLog({ entries, checkpoint, publicKeyPem: key.publicKeyPem })).toEqual({
      ok: true,
      treeSize: entries.length,
    });
    expect(
      await count(sql`select count(*)::int as n from appeal_publications p
        where (p.visibility in ('published', 'published_redacted')) <> (p.public_text is not null)
           or (p.visibility <> 'pending' and not exists (select 1 from moderation_log m
             where m.seq = p.log_seq and m.appeal_id = p.appeal_id))`),
    ).toBe(0);
  });

  it("leaves the dashboards' summaries refreshed over every appeal", async () => {
    expect(await count(sql`select count(*)::int as n from metrics_appeal_facts`)).toBe(APPEALS);
    expect(await count(sql`select sum(received)::int as n from metrics_monthly`)).toBe(APPEALS);
    expect(almatyDate(NOW)).toBe(summary.to);
  });

  it("signs every answer and counts its near-copies, as sending it would have", async () => {
    const signatures = await rows<{ answers: number; signed: number; uncounted: number; formal: number }>(sql`
      select (select count(*)::int from appeal_answers) as answers,
        (select count(*)::int from answer_signatures s join appeal_answers a using (appeal_id)
          where s.body_id = a.body_id and s.answered_at = a.answered_at) as signed,
        (select count(*)::int from answer_signatures where near_copies < 0) as uncounted,
        (select count(*)::int from answer_signatures where near_copies >= 2) as formal`);
    expect(signatures[0]).toMatchObject({ answers: summary.answers, signed: summary.answers, uncounted: 0 });
    // A fifth of the bodies mostly send their template: formal replies are there to be found.
    expect(signatures[0]?.formal).toBeGreaterThan(summary.answers / 20);
  });
});
