// `npm run bench -- --only filing [--filing-seconds 10]`: appeals filed a second through the domain function
// (server/appeals/file-appeal.ts) with 1 and 4 clients, beside plain PostgreSQL committing the same rows in
// the same shape (one statement: the year's counter, the appeal, its publication request, event, in-app
// notice and receipt e-mail), its parameters made ahead, without the application. Each filing is a commit of
// its own: the figures include the WAL flush, as a real filing does. Not a test: it prints what it measured.
// The appeals filed stay in the bench database (history is append-only), a few thousand a run.
import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import type { Database } from "@/db/client";
import { stateBodies, users } from "@/db/schema";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { almatyDate } from "@/server/deadlines/working-calendar";

type Run = { clients: number; filed: number; seconds: number; p50: number; p95: number };

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.max(Math.ceil((p / 100) * sorted.length) - 1, 0)] ?? Number.NaN;

/** `clients` loops, each filing one appeal after the other for `seconds`. */
async function drive(clients: number, seconds: number, fileOne: () => Promise<unknown>): Promise<Run> {
  const times: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await fileOne();
        times.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    clients,
    filed: times.length,
    seconds: elapsed,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
  };
}

// The filing statement as file-appeal.ts sends it, written out by hand, with a fixed deadline.
const RAW_FILING = `
  with counter as (
    insert into appeal_number_counters (year, last) select $1::int, 1
    on conflict (year) do update set last = appeal_number_counters.last + 1
    returning 'ЖТ-' || $1::int || '-' || lpad(last::text, greatest(6, length(last::text)), '0') as number
  ), appeal as (
    insert into appeals (id, number, kind, category, region, body_id, subject, text, author_id, channel,
      publish_consent, locale, filed_at, received_at, registered_on, due_at, idempotency_key, request_hash)
    values ($2, (select number from counter), 'application', 'housing_utilities', 'almaty_city', $3, $4, $5, $6,
      'online', true, 'ru', $7, $7, $8, $9, $10, $11)
    returning *
  ), publication as (insert into appeal_publications (appeal_id, region, category, body_id)
    values ($2, 'almaty_city', 'housing_utilities', $3)
  ), event as (
    insert into appeal_events (appeal_id, type, actor_id, actor_role, body_id, occurred_at, data)
    values ($2, 'registered', $6, 'citizen', $3, $7, $12::jsonb || jsonb_build_object('number', (select number from counter)))
  ), notice as (insert into notifications (user_id, appeal_id, type) values ($6, $2, 'registered')
  ), mail as (
    insert into mail_messages ("to", subject, text, appeal_id)
    select $13, replace($14, $15, (select number from counter)), replace($16, $15, (select number from counter)), $2
  )
  select * from appeal`;

export async function benchFiling(db: Database, url: string, o: { seconds: number }) {
  const [body] = await db.select({ id: stateBodies.id }).from(stateBodies).limit(1);
  if (!body) throw new Error("no state bodies in the bench database");
  const [citizen] = await db
    .insert(users)
    .values({
      email: `bench-filer-${randomBytes(5).toString("hex")}@bench.tyndau.kz`,
      fullName: "Bench filer",
      // Nobody signs in as the bench's filer.
      passwordHash: "unusable",
      emailVerifiedAt: new Date(),
    })
    .returning({ id: users.id, email: users.email });
  if (!citizen) throw new Error("bench filer not created");
  const subject = "No hot water in our block since October";
  const text =
    "Residents of Abai Ave 10 have had no hot water for three weeks; the operator does not answer.";

  const throughApp = () =>
    fileAppeal(db, {
      kind: "application",
      bodyId: body.id,
      category: "housing_utilities",
      region: "almaty_city",
      subject,
      text,
      publishConsent: true,
      locale: "ru",
      authorId: citizen.id,
      idempotencyKey: randomUUID(),
    });

  const raw = postgres(url, { max: 4, onnotice: () => {} });
  const now = new Date();
  const year = Number(almatyDate(now).slice(0, 4));
  const dueAt = new Date(now.getTime() + 21 * 86_400_000);
  const placeholder = `[number:${randomUUID()}]`;
  const plain = () => {
    const id = randomUUID();
    return raw.unsafe(RAW_FILING, [
      year,
      id,
      body.id,
      subject,
      text,
      citizen.id,
      new Date(),
      almatyDate(now),
      dueAt,
      randomUUID(),
      "0".repeat(64),
      JSON.stringify({
        registeredOn: almatyDate(now),
        dueAt: dueAt.toISOString(),
        channel: "online",
        attachments: 0,
      }),
      citizen.email,
      `Обращение ${placeholder} зарегистрировано`,
      placeholder,
      `Ваше обращение «${subject}» зарегистрировано под номером ${placeholder}.`,
    ]);
  };

  try {
    // Warm-up: the rules read into memory, the statements planned, the connections open.
    for (let i = 0; i < 20; i++) {
      await throughApp();
      await plain();
    }
    const [before] = (await db.execute(
      sql`select coalesce(max(last), 0)::int as last from appeal_number_counters where year = ${year}`,
    )) as unknown as { last: number }[];
    const runs: { path: string; run: Run }[] = [];
    for (const clients of [1, 4]) {
      runs.push({ path: "fileAppeal (domain function)", run: await drive(clients, o.seconds, throughApp) });
      runs.push({ path: "plain PostgreSQL, same statement", run: await drive(clients, o.seconds, plain) });
    }
    console.log(`\nFiling: appeals a second, ${o.seconds} s per run, each filing committed on its own\n`);
    console.log("| path | clients | appeals | appeals/s | p50 ms | p95 ms |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (const { path, run } of runs) {
      console.log(
        `| ${path} | ${run.clients} | ${run.filed} | ${(run.filed / run.seconds).toFixed(0)} | ` +
          `${run.p50.toFixed(1)} | ${run.p95.toFixed(1)} |`,
      );
    }
    // Every number taken during the runs belongs to an appeal: nothing filed and rolled back left a gap.
    const [gaps] = (await db.execute(sql`
      select (select max(last) from appeal_number_counters where year = ${year})::int - ${before?.last ?? 0}
        - (select count(*) from appeals where number like ${`ЖТ-${year}-%`}
           and split_part(number, '-', 3)::int > ${before?.last ?? 0})::int as missing`)) as unknown as {
      missing: number;
    }[];
    console.log(`\nNumbers taken during the runs without an appeal: ${gaps?.missing ?? "?"}`);
  } finally {
    await raw.end({ timeout: 1 });
  }
}
