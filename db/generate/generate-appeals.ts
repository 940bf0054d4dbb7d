import { randomBytes } from "node:crypto";
import type postgres from "postgres";
import type { Database } from "@/db/client";
import { APPEAL_RIGHTS, DEMO_ANSWERS, DEMO_TOPICS } from "@/db/seed/demo-texts";
import { loadWorkingCalendar } from "@/server/deadlines/load-calendar";
import { addCalendarDays, almatyDate, type IsoDate } from "@/server/deadlines/working-calendar";
import { CATEGORIES } from "@/server/directory/state-bodies-directory";
import { signUnsignedAnswers } from "@/server/metrics/record-answer-signature";
import { refreshMetrics } from "@/server/metrics/refresh-metrics";
import { REGION_CENTRES } from "@/server/open311/locate-region";
import { type PlacedBody, placeSentences } from "./body-places";
import { calendarFunctionsSql } from "./calendar-functions";
import {
  CLARIFICATION_QUESTION,
  CLARIFICATION_REPLY,
  COMPLAINT_TEXT,
  CONTEST_REASON,
  EXTENSION_DECIDED_BY,
  EXTENSION_REASON,
  FORMAL_REPLY,
  FORWARD_REASON,
  REPLY_SENTENCES,
} from "./generated-texts";
import {
  answersSql,
  appealsSql,
  countersSql,
  eventsSql,
  moderationPlanSql,
  numbersSql,
  ratingsSql,
} from "./materialize-sql";
import { moderationHistory, type PlannedEntry } from "./moderation-history";
import { basePicksSql, complaintPicksSql, timelineSql } from "./plan-sql";
import { type BodyRow, bodyProfiles, dayBuckets, seededRandom, weightedBuckets } from "./profiles";

export type GenerateOptions = {
  appeals: number;
  /** How far back the appeals go; never before March 2024, when Kazakhstan moved to one time zone. */
  months?: number;
  seed?: number;
  /**
   * Ids are md5 of the tag and a counter. Random by default, so that a second generation into the same
   * database adds appeals instead of colliding; fixed, with the seed and `now`, it makes the same appeals
   * with the same ids (a test that draws by id).
   */
  tag?: string;
  now?: Date;
  /** Rebuild the dashboards' summary tables afterwards (the default). */
  refresh?: boolean;
  log?: (line: string) => void;
};

export type GenerateSummary = {
  appeals: number;
  complaints: number;
  events: number;
  answers: number;
  ratings: number;
  logEntries: number;
  from: IsoDate;
  to: IsoDate;
  seconds: number;
};

const EARLIEST: IsoDate = "2024-03-01";
const CHUNK = 5000;
const MODERATORS = 8;
const FIRST_NAMES = [
  "Айгерім",
  "Данияр",
  "Гүлнар",
  "Ерлан",
  "Мадина",
  "Сергей",
  "Ольга",
  "Нұрлан",
  "Әсел",
  "Тимур",
];
const LAST_NAMES = ["Сәрсенбаева", "Қасымов", "Ахметова", "Иванов", "Ким", "Жұмабеков", "Оспанова", "Петров"];

/**
 * Fills the database with a realistic mix of appeals for benchmarks: bodies of very different sizes,
 * seasonal volume, late answers, forwards and ping-pong, extensions, clarifications, formal replies,
 * ratings, complaints to superior bodies and moderation. Set-based: the whole life of every appeal is
 * planned in SQL (plan-sql.ts) and written with a handful of INSERT … SELECT, in one transaction, so a
 * million appeals take minutes, not the hours the domain functions would. Appends to what is there.
 * The data are for measuring, not for showing: demos use db/seed/demo.ts.
 */
export async function generateAppeals(db: Database, o: GenerateOptions): Promise<GenerateSummary> {
  const started = Date.now();
  const log = o.log ?? (() => {});
  const now = o.now ?? new Date();
  const seed = o.seed ?? 2026;
  const random = seededRandom(seed);
  const tag = o.tag ?? randomBytes(3).toString("hex");
  const to = almatyDate(now);
  const fromWanted = addCalendarDays(to, -Math.round((o.months ?? 30) * 30.44));
  const from = fromWanted < EARLIEST ? EARLIEST : fromWanted;
  const citizens = Math.max(100, Math.ceil(o.appeals / 20));
  const calendar = await loadWorkingCalendar(db);
  const policies = await db.$client<{ kind: string; days: number; forward: number }[]>`
    select kind, consideration_working_days as days, forwarding_working_days as forward from deadline_policies`;
  const bodies = await db.$client<BodyRow[]>`
    select id, code, level, parent_id as "parentId" from state_bodies order by code`;
  const profiles = bodyProfiles(bodies, random);

  const summary = await db.$client.begin(async (tx) => {
    const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      const t = Date.now();
      const result = await run();
      log(`${name.padEnd(34)} ${((Date.now() - t) / 1000).toFixed(1).padStart(6)} s`);
      return result;
    };
    // Arrays go as text[] and are cast in SQL: the driver serializes no other array type on its own.
    const asText = (v: unknown) => (v === null ? null : v instanceof Date ? v.toISOString() : String(v));
    const exec = (query: string, params: unknown[] = []) =>
      tx.unsafe(
        query,
        params.map((p) => (Array.isArray(p) ? p.map(asText) : p)) as postgres.ParameterOrJSON<never>[],
      );
    // The planning tables are gigabytes at 5M: a join or sort over them past work_mem goes to disk in
    // batches. No gain at 300 000 appeals, where they fit either way.
    await exec("set local work_mem = '1GB'");
    await exec("set local synchronous_commit = off");
    // A bulk load of data consistent by construction (the generator's test checks every relation) skips
    // the per-row foreign-key and guard triggers when the role may; otherwise they run, only slower.
    // In a savepoint of its own: postgres.js fails the whole transaction on any error not met in one.
    try {
      await tx.savepoint((sp) => sp.unsafe("set local session_replication_role = replica"));
    } catch {
      log("(not a superuser: foreign keys and guards are checked row by row)");
    }

    await step("calendar and helper functions", async () => {
      const terms = Object.fromEntries(policies.map((p) => [p.kind, p.days]));
      const forwardTerms = Object.fromEntries(policies.map((p) => [p.kind, p.forward]));
      const statements = calendarFunctionsSql({
        calendar,
        from: addCalendarDays(from, -60),
        to: addCalendarDays(to, 500),
        terms,
        seed,
      });
      for (const s of statements) await exec(s);
      const forward = Object.entries(forwardTerms)
        .map(([k, d]) => `when '${k}' then ${Number(d)}`)
        .join(" ");
      await exec(
        `create or replace function pg_temp.fwd_term(kind text) returns int language sql immutable as $fn$ select case kind ${forward} end $fn$`,
      );
    });

    await step("reference tables", async () => {
      await exec(`create temp table gen_bodies on commit drop as
        select id, code, region, parent_id, level, categories, name_kk, name_ru from state_bodies`);
      const places = placeSentences(
        (await exec(
          'select id, code, level, region, name_kk as "nameKk", name_ru as "nameRu" from gen_bodies',
        )) as unknown as PlacedBody[],
      );
      await exec(
        `create temp table gen_body_places on commit drop as
        select id::uuid, place_kk, place_ru from unnest($1::text[], $2::text[], $3::text[]) as t(id, place_kk, place_ru)`,
        [[...places.keys()], [...places.values()].map((p) => p.kk), [...places.values()].map((p) => p.ru)],
      );
      await exec(
        `create temp table gen_body_params on commit drop as
        select id::uuid, late::float8, silent::float8, formality::float8, extend::float8, clarify::float8,
          forwarded::float8, satisfied::float8, refused::float8, weight::float8
        from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
          $9::text[], $10::text[]) as t(id, late, silent, formality, extend, clarify, forwarded, satisfied, refused, weight)`,
        [
          profiles.map((p) => p.id),
          profiles.map((p) => p.late),
          profiles.map((p) => p.silent),
          profiles.map((p) => p.formality),
          profiles.map((p) => p.extend),
          profiles.map((p) => p.clarify),
          profiles.map((p) => p.forwarded),
          profiles.map((p) => p.satisfied),
          profiles.map((p) => p.refused),
          profiles.map((p) => p.weight),
        ],
      );
      const bucketBodies = weightedBuckets(
        profiles.map((p) => ({ item: p.id, weight: p.weight })),
        10000,
      );
      await exec(
        `create temp table gen_body_buckets on commit drop as
        select (ord - 1)::int as bucket, id::uuid as body_id from unnest($1::text[]) with ordinality as t(id, ord)`,
        [bucketBodies],
      );
      const dayRows: { category: string; bucket: number; day: IsoDate }[] = [];
      for (const category of CATEGORIES) {
        dayBuckets({ category, first: from, last: to, calendar, buckets: 10000 }).forEach((day, bucket) => {
          dayRows.push({ category, bucket, day });
        });
      }
      await exec(
        `create temp table gen_day_buckets on commit drop as
        select category, bucket::int, day::date from unnest($1::text[], $2::text[], $3::text[]) as t(category, bucket, day)`,
        [dayRows.map((r) => r.category), dayRows.map((r) => r.bucket), dayRows.map((r) => r.day)],
      );
      await exec("create index on gen_day_buckets (category, bucket)");
      const topics = CATEGORIES.flatMap((category) => {
        const list = DEMO_TOPICS[category];
        return Array.from({ length: 100 }, (_, bucket) => ({
          category,
          bucket,
          ...list[bucket % list.length],
        }));
      });
      await exec(
        `create temp table gen_topics on commit drop as
        select category, bucket::int, subject, text, locale from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
          as t(category, bucket, subject, text, locale)`,
        [
          topics.map((t) => t.category),
          topics.map((t) => t.bucket),
          topics.map((t) => t.subject ?? ""),
          topics.map((t) => t.text ?? ""),
          topics.map((t) => t.locale ?? "ru"),
        ],
      );
      const names = FIRST_NAMES.flatMap((f) => LAST_NAMES.map((l) => `${f} ${l}`));
      await exec(
        `create temp table gen_names on commit drop as
        select (ord - 1)::int as idx, name from unnest($1::text[]) with ordinality as t(name, ord)`,
        [names],
      );
      const centres = Object.entries(REGION_CENTRES);
      await exec(
        `create temp table gen_region_centres on commit drop as
        select region, lat::float8, long::float8 from unnest($1::text[], $2::text[], $3::text[]) as t(region, lat, long)`,
        [centres.map(([r]) => r), centres.map(([, c]) => c[0]), centres.map(([, c]) => c[1])],
      );
      await exec("analyze gen_bodies, gen_body_params, gen_body_buckets, gen_day_buckets, gen_topics");
    });

    const moderators = await step("accounts", async () => {
      await exec(
        `create temp table gen_citizens on commit drop as
        with inserted as (
          insert into users (id, email, password_hash, full_name, role)
          select md5($1 || ':citizen:' || i)::uuid, 'gen-' || $1 || '-citizen' || i || '@generated.tyndau.kz',
            '!generated-without-sign-in', 'Житель ' || i, 'citizen'
          from generate_series(0, $2::int - 1) i
          returning id, email
        )
        select substring(email from 'citizen(\\d+)@')::int as idx, id from inserted`,
        [tag, citizens],
      );
      await exec("create index on gen_citizens (idx)");
      await exec(
        `create temp table gen_officials on commit drop as
        with inserted as (
          insert into users (email, password_hash, full_name, role, body_id)
          select 'gen-' || $1 || '-official-' || b.code || '@generated.tyndau.kz', '!generated-without-sign-in',
            'Исполнитель ' || b.code, 'official', b.id
          from state_bodies b
          returning id, body_id, full_name
        )
        select body_id, id, full_name from inserted`,
        [tag],
      );
      await exec(
        `create temp table gen_roles on commit drop as
        with inserted as (
          insert into users (email, password_hash, full_name, role)
          values ('gen-' || $1 || '-operator@generated.tyndau.kz', '!generated-without-sign-in', 'Оператор ЦОН', 'operator'),
                 ('gen-' || $1 || '-open311@generated.tyndau.kz', '!generated-without-sign-in', 'Open311 gateway', 'citizen')
          returning id, role
        )
        select case when role = 'operator' then 'operator' else 'gateway' end as role, id from inserted`,
        [tag],
      );
      const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
      const pseudonyms = Array.from(
        { length: MODERATORS },
        () =>
          `M-${Array.from({ length: 6 }, () => alphabet[Math.floor(random() * alphabet.length)]).join("")}`,
      );
      const rows = await exec(
        `insert into users (email, password_hash, full_name, role, pseudonym)
        select 'gen-' || $1 || '-moderator' || i || '@generated.tyndau.kz', '!generated-without-sign-in',
          'Модератор ' || i, 'moderator', p
        from unnest($2::text[]) with ordinality as t(p, i)
        returning id, pseudonym`,
        [tag, pseudonyms],
      );
      return rows.map((r) => ({ id: String(r.id), pseudonym: String(r.pseudonym) }));
    });

    await step("plan: filings", async () => {
      await exec(
        basePicksSql({ appeals: o.appeals, tag, citizens, names: FIRST_NAMES.length * LAST_NAMES.length }),
        [now.toISOString()],
      );
      await exec("analyze gen_p1");
    });
    await step("plan: lives of the appeals", async () => {
      await exec(timelineSql({ source: "gen_p1", target: "gen_p2", forwards: true, complaints: true }), [
        now.toISOString(),
      ]);
      // Each planning table is gigabytes at 5M: dropped as soon as read, the memory goes to the next step.
      await exec("drop table gen_p1");
    });
    const complaints = await step("plan: complaints", async () => {
      await exec(complaintPicksSql({ appeals: o.appeals, tag, text: COMPLAINT_TEXT }));
      const [row] = await exec("select count(*)::int as n from gen_p1c");
      const count = Number(row?.n ?? 0);
      // As many plain appeals fewer as there are complaints, so the total is exactly what was asked.
      await exec(
        `delete from gen_p2 where n in (
          select n from gen_p2 where complaint_at is null order by pg_temp.u(n, 99) limit $1)`,
        [count],
      );
      await exec(timelineSql({ source: "gen_p1c", target: "gen_p2c", forwards: false, complaints: false }), [
        now.toISOString(),
      ]);
      await exec("insert into gen_p2 select * from gen_p2c");
      await exec("drop table gen_p1c, gen_p2c");
      await exec("alter table gen_p2 rename to gen_plan");
      await exec("create unique index on gen_plan (id)");
      await exec("analyze gen_plan");
      return count;
    });

    await step("registration numbers", async () => {
      await exec(numbersSql);
      await exec("create unique index on gen_numbers (id)");
      await exec(countersSql);
    });
    // Secondary indexes are rebuilt once after the bulk insert instead of row by row: minutes saved on a
    // million rows. Transactional: if anything fails, they are back as they were.
    const dropped = await step("set secondary indexes aside", async () => {
      const indexes = await exec(`
        select i.indexname as name, i.indexdef as definition from pg_indexes i
        where i.schemaname = 'public'
          and i.tablename in ('appeals', 'appeal_events', 'appeal_answers', 'appeal_publications', 'moderation_log')
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`);
      for (const i of indexes) await exec(`drop index "${String(i.name).replace(/"/g, "")}"`);
      return indexes.map((i) => String(i.definition));
    });
    const appealCount = await step("appeals", async () => (await exec(appealsSql)).count);
    const events = await step(
      "events",
      async () =>
        (
          await exec(eventsSql, [
            FORWARD_REASON,
            CLARIFICATION_QUESTION,
            CLARIFICATION_REPLY,
            EXTENSION_REASON,
            EXTENSION_DECIDED_BY,
          ])
        ).count,
    );
    const answers = await step(
      "answers",
      async () =>
        (
          await exec(answersSql, [
            FORMAL_REPLY,
            ...REPLY_SENTENCES,
            DEMO_ANSWERS.satisfied.legalGrounds,
            DEMO_ANSWERS.partly_satisfied.legalGrounds,
            DEMO_ANSWERS.refused.legalGrounds,
            APPEAL_RIGHTS,
          ])
        ).count,
    );
    const ratings = await step("ratings", async () => (await exec(ratingsSql)).count);

    const logEntries = await step("moderation log and publications", async () => {
      // The plan is read a batch at a time through a cursor: read whole, its 2.1 million entries at 5M
      // stayed on the heap through the chaining, as did every appeal's visibility until the end.
      await exec(`declare gen_moderation no scroll cursor for ${moderationPlanSql}`, [
        now.toISOString(),
        MODERATORS,
      ]);
      // Timestamps come back as text from this client (drizzle's setting): made instants here.
      const fetchPlanned = async () =>
        (await exec(`fetch ${CHUNK} from gen_moderation`)).map(
          (e) =>
            ({
              ...e,
              at: new Date(e.at),
              contested_at: e.contested_at ? new Date(e.contested_at) : null,
            }) as unknown as PlannedEntry,
        );
      const [last] = await exec(
        `select seq::bigint as seq, entry_hash as "entryHash" from moderation_log order by seq desc limit 1`,
      );
      const history = moderationHistory({
        moderators,
        last: last ? { seq: Number(last.seq), entryHash: String(last.entryHash) } : null,
        contestReason: CONTEST_REASON,
      });
      // Every change of an appeal's publication, in log order; the last of each is what its row says.
      await exec(`create temp table gen_visibility_changes (
        appeal_id uuid not null, visibility text not null, log_seq bigint not null, changed_at timestamptz not null
      ) on commit drop`);
      const write = async (batch: ReturnType<typeof history.append>) => {
        const { log: rows, salts, contests: c, visibility: v } = batch;
        await exec(
          `insert into moderation_log (seq, appeal_id, action, canonical, entry_hash, leaf_hash, moderator_id, created_at)
          select seq::bigint, appeal_id::uuid, action::moderation_action, canonical, entry_hash, leaf_hash,
            moderator_id::uuid, created_at::timestamptz
          from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
            as t(seq, appeal_id, action, canonical, entry_hash, leaf_hash, moderator_id, created_at)`,
          [
            rows.map((r) => r.seq),
            rows.map((r) => r.appealId),
            rows.map((r) => r.action),
            rows.map((r) => r.canonical),
            rows.map((r) => r.entryHash),
            rows.map((r) => r.leafHash),
            rows.map((r) => r.moderatorId),
            rows.map((r) => r.createdAt.toISOString()),
          ],
        );
        await exec(
          "insert into moderation_binding_salts (seq, salt) select s::bigint, salt from unnest($1::text[], $2::text[]) as t(s, salt)",
          [salts.map((s) => s.seq), salts.map((s) => s.salt)],
        );
        await exec(
          `insert into gen_visibility_changes
          select a::uuid, v, s::bigint, t::timestamptz from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as x(a, v, s, t)`,
          [
            v.map((r) => r.appealId),
            v.map((r) => r.visibility),
            v.map((r) => r.logSeq),
            v.map((r) => r.changedAt.toISOString()),
          ],
        );
        if (c.length === 0) return;
        await exec(
          `insert into moderation_contests (appeal_id, contested_seq, reason, status, decided_seq, created_at)
          select a::uuid, c::bigint, r, s::contest_status, d::bigint, t::timestamptz
          from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as x(a, c, r, s, d, t)`,
          [
            c.map((r) => r.appealId),
            c.map((r) => r.contestedSeq),
            c.map((r) => r.reason),
            c.map((r) => r.status),
            c.map((r) => r.decidedSeq),
            c.map((r) => r.createdAt.toISOString()),
          ],
        );
      };
      // A batch is written while the next is hashed, PostgreSQL and Node each on a core; the next batch of
      // the plan is fetched meanwhile too (the connection runs the two in the order they were sent).
      const chained = Date.now();
      let writing: Promise<void> = Promise.resolve();
      let written = 0;
      let fetching = fetchPlanned();
      for (let entries = await fetching; entries.length > 0; entries = await fetching) {
        fetching = fetchPlanned();
        fetching.catch(() => {});
        const batch = history.append(entries);
        await writing;
        writing = write(batch);
        writing.catch(() => {});
        written += batch.log.length;
      }
      await writing;
      await exec("close gen_moderation");
      log(
        `${"  moderation log: chained, written".padEnd(34)} ${((Date.now() - chained) / 1000).toFixed(1).padStart(6)} s`,
      );

      await exec(
        `create temp table gen_visibility on commit drop as
        select distinct on (appeal_id) appeal_id, visibility, log_seq, changed_at
        from gen_visibility_changes order by appeal_id, log_seq desc`,
      );
      await exec("drop table gen_visibility_changes");
      await exec("create unique index on gen_visibility (appeal_id)");
      const published = Date.now();
      // The redacted span is the one the demo redacts: twelve characters after the first space.
      await exec(`
        insert into appeal_publications (appeal_id, visibility, redactions, log_seq, public_subject, public_text,
          submitted_at, changed_at, region, category, body_id)
        select a.id, coalesce(v.visibility, 'pending')::public_visibility,
          case when v.visibility = 'published_redacted'
            then jsonb_build_array(jsonb_build_object('start', r.s, 'end', r.e)) else '[]'::jsonb end,
          v.log_seq,
          case when v.visibility in ('published', 'published_redacted') then a.subject end,
          case when v.visibility = 'published' then a.text
            when v.visibility = 'published_redacted' then left(a.text, r.s) || ' ' || substr(a.text, r.e + 1) end,
          a.filed_at, v.changed_at, a.region, a.category, a.body_id
        from gen_plan p
        join appeals a on a.id = p.id
        left join gen_visibility v on v.appeal_id = p.id
        cross join lateral (select position(' ' in a.text) as s,
          least(position(' ' in a.text) + 12, length(a.text)) as e) r
        where p.publish_consent`);
      log(`${"  publications".padEnd(34)} ${((Date.now() - published) / 1000).toFixed(1).padStart(6)} s`);
      return written;
    });

    await step("rebuild secondary indexes", async () => {
      await exec("set local maintenance_work_mem = '1GB'");
      for (const definition of dropped) await exec(definition);
    });

    return { appeals: appealCount, complaints, events, answers, ratings, logEntries };
  });

  const t = Date.now();
  await db.$client.unsafe(
    "analyze appeals, appeal_events, appeal_answers, appeal_ratings, appeal_publications",
  );
  log(`${"analyze".padEnd(34)} ${((Date.now() - t) / 1000).toFixed(1).padStart(6)} s`);
  // Each answer is signed and its near-copies counted when it is sent (record-answer-signature.ts); the
  // answers written in bulk above are signed here, so that the metrics refresh only reads the counts.
  const g = Date.now();
  const signed = await signUnsignedAnswers(db, {
    log: (line) => log(`  ${line.padEnd(32)} ${((Date.now() - g) / 1000).toFixed(1).padStart(6)} s`),
  });
  await db.$client.unsafe("analyze answer_signatures");
  log(`${`answer signatures (${signed})`.padEnd(34)} ${((Date.now() - g) / 1000).toFixed(1).padStart(6)} s`);
  if (o.refresh !== false) {
    const r = Date.now();
    await refreshMetrics(db, now, { rebuild: true });
    log(`${"metrics refresh (rebuild)".padEnd(34)} ${((Date.now() - r) / 1000).toFixed(1).padStart(6)} s`);
  }
  return { ...summary, from, to, seconds: (Date.now() - started) / 1000 };
}
