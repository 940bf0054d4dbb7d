// `npm run test:cluster -- --capacity`: how many appeals a second the service files with 1, 2 and 4 web
// processes behind the balancer, beside what raw PostgreSQL commits of the same rows on the same machine.
// Figures, not a test: docs/scaling.md keeps them with the date and the machine's load.
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { freePort } from "@/db/embedded-server";
import { registerCitizens } from "./accounts";
import { appServer } from "./app-server";
import { mutate, signIn } from "./http-client";
import { parentOf, serverCpuSeconds } from "./process-stats";
import { roundRobinProxy } from "./round-robin-proxy";
import { FILING_ALLOWANCE } from "./submission-load";
import { formOf, newSubmission, type Random } from "./submissions";

type Round = {
  processes: number;
  filed: number;
  failed: number;
  perSecond: number;
  p95Ms: number;
  /** CPU milliseconds a filing cost: the web processes, PostgreSQL, and this process (clients, balancer). */
  cpuMs: { web: number; postgres: number; client: number };
};

export async function measureCapacity(o: {
  db: Database;
  work: string;
  bodyIds: readonly string[];
  rnd: Random;
  seconds: number;
  clients: number;
  password: string;
}) {
  const rounds: Round[] = [];
  const proxyPort = await freePort();
  const [backend] = await o.db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
  const postmaster = parentOf(Number(backend?.pid));
  if (!postmaster) throw new Error("PostgreSQL's server process is not on this machine");
  const cores = os.cpus().length;
  for (const processes of [1, 2, 4]) {
    const webs = [];
    for (let i = 0; i < processes; i++)
      webs.push(
        appServer({
          port: await freePort(),
          log: path.join(o.work, `capacity-${processes}-${i + 1}.log`),
          env: { BACKGROUND_JOBS: "off", NEXTAUTH_URL: `http://localhost:${proxyPort}` },
        }),
      );
    try {
      for (const web of webs) await web.start();
      const proxy = await roundRobinProxy({ port: proxyPort, upstreams: webs.map((w) => w.base) });
      // One citizen per client; the hourly allowance is cleared before it refuses (the rows are hashed keys,
      // so all of them), which costs one small statement per 19 filings.
      const accounts = await registerCitizens(o.db, {
        count: o.clients,
        prefix: `capacity-${processes}-${Date.now()}`,
        password: o.password,
      });
      const sessions = await Promise.all(accounts.map((a) => signIn(proxy.base, a.email, o.password)));
      await o.db.execute(sql`delete from rate_limits`);
      const latencies: number[] = [];
      let failed = 0;
      const cpuBefore = {
        web: webs.reduce((sum, w) => sum + w.cpuSeconds(), 0),
        postgres: serverCpuSeconds(postmaster),
        client: process.cpuUsage(),
      };
      const started = Date.now();
      const until = started + o.seconds * 1000;
      await Promise.all(
        accounts.map(async (account, c) => {
          const session = sessions[c];
          if (!session) return;
          for (let n = 1; Date.now() < until; n++) {
            if (n % (FILING_ALLOWANCE - 1) === 0) await o.db.execute(sql`delete from rate_limits`);
            const s = newSubmission({
              citizenId: account.id,
              bodyIds: o.bodyIds,
              label: `cap-${c}-${n}`,
              rnd: o.rnd,
            });
            s.files = [];
            const t0 = performance.now();
            const answer = await mutate(proxy.base, session, "appeal.file", formOf(s), 60_000).catch(
              () => null,
            );
            if (answer?.status === 200) latencies.push(performance.now() - t0);
            else failed += 1;
          }
        }),
      );
      const elapsed = (Date.now() - started) / 1000;
      const client = process.cpuUsage(cpuBefore.client);
      const perFiling = (seconds: number) => (seconds * 1000) / Math.max(1, latencies.length);
      const cpuMs = {
        web: perFiling(webs.reduce((sum, w) => sum + w.cpuSeconds(), 0) - cpuBefore.web),
        postgres: perFiling(serverCpuSeconds(postmaster) - cpuBefore.postgres),
        client: perFiling((client.user + client.system) / 1e6),
      };
      latencies.sort((a, b) => a - b);
      rounds.push({
        processes,
        filed: latencies.length,
        failed,
        perSecond: latencies.length / elapsed,
        p95Ms: latencies[Math.floor(latencies.length * 0.95)] ?? 0,
        cpuMs,
      });
      await proxy.close();
    } finally {
      await Promise.all(webs.map((w) => w.stop().catch(() => {})));
    }
  }
  const raw = await rawFilingRate(o.db, o.seconds, o.clients);
  console.log(
    [
      `capacity, ${new Date().toISOString()}, ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
      `${o.clients} clients filing flat out for ${o.seconds} s each round (no files attached):`,
      ...rounds.flatMap((r) => {
        const total = r.cpuMs.web + r.cpuMs.postgres + r.cpuMs.client;
        return [
          `  ${r.processes} web process(es): ${r.perSecond.toFixed(1)} appeals/s, p95 ${r.p95Ms.toFixed(0)} ms (${r.filed} filed, ${r.failed} failed)`,
          `    CPU per filing: web ${r.cpuMs.web.toFixed(1)} ms, PostgreSQL ${r.cpuMs.postgres.toFixed(1)} ms, ` +
            `clients and balancer ${r.cpuMs.client.toFixed(1)} ms: ${cores} cores busy all the time file at most ` +
            `${((cores * 1000) / total).toFixed(0)}/s (without the clients ${((cores * 1000) / (total - r.cpuMs.client)).toFixed(0)}/s)`,
        ];
      }),
      `  raw PostgreSQL, ${o.clients} connections, the same rows: ${raw.toFixed(0)} filings/s`,
    ].join("\n"),
  );
}

/**
 * PostgreSQL alone: per transaction the next number from the year's counter, an appeal row copied from one
 * the app filed (new id, number and key) and its "registered" event; what the app's filing writes at least.
 */
async function rawFilingRate(db: Database, seconds: number, connections: number): Promise<number> {
  const [template] = await db.execute<{ id: string }>(
    sql`select id from appeals order by filed_at desc limit 1`,
  );
  if (!template) throw new Error("no appeal to copy");
  const columns = (
    await db.execute<{ column_name: string }>(sql`
      select column_name from information_schema.columns
      where table_name = 'appeals' and table_schema = 'public' and is_generated = 'NEVER'
        and column_default is distinct from 'gen_random_uuid()'
        and column_name not in ('id', 'number', 'idempotency_key')`)
  ).map((c) => sql.identifier(c.column_name));
  const list = sql.join(columns, sql`, `);
  let committed = 0;
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        await db.transaction(async (tx) => {
          const [n] = await tx.execute<{ last: number }>(sql`
            update appeal_number_counters set last = last + 1
            where year = extract(year from now())::int returning last`);
          const [a] = await tx.execute<{ id: string }>(sql`
            insert into appeals (number, idempotency_key, ${list})
            select ${`RAW-${n?.last}`}, gen_random_uuid()::text, ${list} from appeals where id = ${template.id}
            returning id`);
          await tx.execute(sql`
            insert into appeal_events (appeal_id, type, data)
            values (${a?.id}, 'registered', jsonb_build_object('number', ${`RAW-${n?.last}`}::text))`);
        });
        committed += 1;
      }
    }),
  );
  return committed / ((Date.now() - started) / 1000);
}
