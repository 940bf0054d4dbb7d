// `npm run test:cluster [-- --full] [--seed N]`: the service as several processes on one PostgreSQL (with
// `-- --capacity` it measures filings a second instead: scripts/crash/capacity.ts). Two web processes
// started without jobs (BACKGROUND_JOBS=off) behind a round-robin balancer, two job workers (`npm run
// worker`) and a streaming replica that public pages read from. Citizens file appeals through the balancer
// while one web process at a time is killed with SIGKILL and restarted. Then it checks what makes processes
// interchangeable: every acknowledged appeal exists once with its number, a session made on one process
// works on the other, a rate limit counts the requests of both, each job's effect happened exactly once
// although two workers ran it, and the moderation log still verifies; and that the replica's delay is shown
// as it is and public reads answer with the primary stopped. Needs a production build and a database of its
// own (scripts/with-test-database.ts).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { createDatabase, type Database } from "@/db/client";
import { freePort } from "@/db/embedded-server";
import { appealEvents, notifications, stateBodies } from "@/db/schema";
import { DEMO_LOGINS } from "@/db/seed/demo";
import { almaty, fileTestAppeal } from "@/test/official-fixtures";
import { moderatorLogin, registerCitizens, signInAll, verifyModerationLog } from "./crash/accounts";
import { type AppServer, appServer, portBelowEphemeralRange, sleep } from "./crash/app-server";
import { measureCapacity } from "./crash/capacity";
import { checkInvariants } from "./crash/check-invariants";
import { mutate, type Session, signIn } from "./crash/http-client";
import { type Replica, replicaUrl, startReplica } from "./crash/replica";
import { roundRobinProxy } from "./crash/round-robin-proxy";
import { FILING_ALLOWANCE, ServerGate, submissionLoad } from "./crash/submission-load";
import { formOf, newSubmission, seededRandom } from "./crash/submissions";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const full = args.includes("--full");
const MODE = full
  ? { name: "full", kills: 8, clients: 8, citizens: 160, overdue: 40, uptimeMs: [1000, 6000] as const }
  : { name: "quick", kills: 1, clients: 4, citizens: 30, overdue: 6, uptimeMs: [1500, 3000] as const };
const seed = Number(flag("--seed") ?? Math.floor(Math.random() * 2 ** 31));
const BODY_CODES = ["akimat-almaty-city", "akimat-astana", "akimat-shymkent"];
const PASSWORD = `cluster-${seed}-password`;
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

/** A worker process (scripts/worker.ts), its output in the run's log. */
function startWorker(log: string) {
  const out = openSync(log, "a");
  // A group of its own (tsx runs the script in a child process): stopped together at the end.
  return spawn(process.execPath, [tsxCli, "scripts/worker.ts"], {
    stdio: ["ignore", out, out],
    detached: true,
  });
}

async function query(base: string, session: Session, procedure: string) {
  const res = await fetch(`${base}/api/trpc/${procedure}`, { headers: { cookie: session.cookie } });
  return { status: res.status, body: await res.text() };
}

/** Signed in on one web process, the same cookie is a session on the other (sessions live in PostgreSQL). */
async function sessionsAreShared(bases: readonly string[], email: string): Promise<string[]> {
  const [first, second] = bases as [string, string];
  const session = await signIn(first, email, PASSWORD);
  const there = await query(second, session, "account.profile");
  return there.status === 200 && there.body.includes(email)
    ? []
    : [`a session made on ${first} answered ${there.status} on ${second}`];
}

/**
 * One citizen files alternately on both processes: the filing allowance is one count in PostgreSQL, so the
 * refusal comes after FILING_ALLOWANCE filings in total, not per process.
 */
async function rateLimitIsShared(
  bases: readonly string[],
  citizen: { id: string; email: string },
  bodyIds: readonly string[],
  rnd: ReturnType<typeof seededRandom>,
): Promise<string[]> {
  const sessions = await Promise.all(bases.map((b) => signIn(b, citizen.email, PASSWORD)));
  for (let n = 1; n <= FILING_ALLOWANCE + 1; n++) {
    const i = n % bases.length;
    const s = newSubmission({ citizenId: citizen.id, bodyIds, label: `limit-${n}`, rnd });
    s.files = [];
    const answer = await mutate(bases[i] as string, sessions[i] as Session, "appeal.file", formOf(s), 30_000);
    const expected = n <= FILING_ALLOWANCE ? 200 : 429;
    if (answer.status !== expected)
      return [`filing ${n} of one citizen across both processes answered ${answer.status}, not ${expected}`];
  }
  return [];
}

/** Appeals already past their term before the workers start: both workers run the overdue job at once. */
async function overdueAppeals(db: Database, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push((await fileTestAppeal(db, { filedAt: almaty("2026-01-12T10:00:00") })).id);
  return ids;
}

/** Each overdue appeal was marked once, its author told once, however many workers ran the job. */
async function jobsRanOnce(db: Database, appealIds: string[]): Promise<string[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const marked = await db
      .select({ appealId: appealEvents.appealId, n: sql<number>`count(*)::int` })
      .from(appealEvents)
      .where(and(inArray(appealEvents.appealId, appealIds), eq(appealEvents.type, "deadline_missed")))
      .groupBy(appealEvents.appealId);
    if (marked.length === appealIds.length || Date.now() > deadline) {
      const told = await db
        .select({ appealId: notifications.appealId, n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(inArray(notifications.appealId, appealIds), eq(notifications.type, "overdue")))
        .groupBy(notifications.appealId);
      const problems: string[] = [];
      if (marked.length !== appealIds.length)
        problems.push(`${appealIds.length - marked.length} overdue appeal(s) never marked by the workers`);
      for (const m of marked)
        if (m.n !== 1) problems.push(`appeal ${m.appealId} marked overdue ${m.n} times`);
      for (const t of told) if (t.n !== 1) problems.push(`appeal ${t.appealId}: author told ${t.n} times`);
      if (told.length !== marked.length) problems.push("an author of an overdue appeal was never told");
      return problems;
    }
    await sleep(500);
  }
}

/** A public page or endpoint fetched as an anonymous reader; a page's replica note read from its markup. */
async function read(url: string): Promise<{ status: number; lag: string | null }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  return { status: res.status, lag: /data-replica-lag="([^"]*)"/.exec(text)?.[1] ?? null };
}

const appealCount = async (db: Database) =>
  Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from appeals`))[0]?.n);

/**
 * The delay a page shows is the replica's: with replay paused while citizens file, the replica falls
 * behind (it misses appeals the primary has) and the dashboard says so, by at least the time paused; once
 * resumed it catches up and says it is current again.
 */
async function lagIsShown(base: string, db: Database, replicaDb: Database): Promise<string[]> {
  await replicaDb.execute(sql`select pg_wal_replay_pause()`);
  const paused = Date.now();
  const problems: string[] = [];
  try {
    await sleep(4000);
    // The page reads the delay while it renders, so it is held to the pause as long as it was when asked.
    const elapsed = Math.floor((Date.now() - paused) / 1000);
    const page = await read(`${base}/en/dashboard`);
    const [primary, replica] = [await appealCount(db), await appealCount(replicaDb)];
    if (page.status !== 200 || page.lag === null)
      problems.push(`paused: the dashboard answered ${page.status} without its replica note`);
    else if (!(Number(page.lag) >= elapsed - 1))
      problems.push(`replay paused ${elapsed} s, yet the dashboard said the copy is ${page.lag} s behind`);
    if (replica >= primary)
      problems.push(`replay paused, yet the replica had all ${primary} appeals: nobody filed meanwhile`);
  } finally {
    await replicaDb.execute(sql`select pg_wal_replay_resume()`);
  }
  const filed = await appealCount(db);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const page = await read(`${base}/en/dashboard`);
    if (page.lag === "0" && (await appealCount(replicaDb)) >= filed) return problems;
    if (Date.now() > deadline)
      return [...problems, `replay resumed, the dashboard still says ${page.lag} s behind after 60 s`];
    await sleep(250);
  }
}

// The primary's processes while stopped: resumed however the run ends, or the database would stay frozen.
const frozenPrimary: number[] = [];
function resumePrimary() {
  for (const pid of frozenPrimary.splice(0)) process.kill(pid, "SIGCONT");
}

/**
 * Public reads need only the replica: with every process of the primary stopped (SIGSTOP), the dashboards,
 * a public appeal, the list, the exports and Open311 GET still answer through the balancer.
 */
async function publicReadsSurviveAStoppedPrimary(base: string, replica: Replica, appealNumber: string) {
  const urls = [
    `${base}/en/dashboard`,
    `${base}/kk/dashboard/regions/almaty_city`,
    `${base}/ru/public-appeals`,
    `${base}/kk/public-appeals/${encodeURIComponent(appealNumber)}`,
    `${base}/api/exports/metrics.json`,
    `${base}/api/exports/public-appeals.csv`,
    `${base}/api/open311/v2/requests.json`,
  ];
  const pages = (url: string) => !url.includes("/api/");
  const problems: string[] = [];
  // Each twice with the primary running first, so once on each process (the balancer alternates).
  for (const url of [...urls, ...urls]) {
    const answer = await read(url);
    if (answer.status !== 200) problems.push(`${url} answered ${answer.status} before the primary stopped`);
  }
  const stopped = frozenPrimary;
  const started = Date.now();
  try {
    // The postmaster comes first in the list; a backend it forked while the first round ran is caught by
    // the second.
    for (let round = 0; round < 2; round++)
      for (const pid of replica.primaryPids())
        if (!stopped.includes(pid)) {
          process.kill(pid, "SIGSTOP");
          stopped.push(pid);
        }
    // Stops at the first failure: each read may wait 30 s, with the primary stopped all along.
    for (const url of [...urls, ...urls]) {
      const answer = await read(url).catch((error: Error) => ({ status: error.name, lag: null }));
      if (answer.status !== 200) problems.push(`primary stopped: ${url} answered ${answer.status}`);
      else if (pages(url) && answer.lag === null)
        problems.push(`primary stopped: ${url} has no replica note`);
      if (problems.length > 0) break;
    }
  } finally {
    resumePrimary();
  }
  return { problems, stoppedMs: Date.now() - started, reads: urls.length * 2 };
}

async function main() {
  const started = Date.now();
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: run through `npm run test:cluster`.");
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID")))
    throw new Error(`No production build in ${distDir}: run \`next build\` first.`);

  const work = mkdtempSync(path.join(os.tmpdir(), "tyndau-cluster-"));
  const savedCheckpoint = path.join(work, "checkpoint.json");
  const rnd = seededRandom(seed);
  const db = createDatabase(databaseUrl, { max: 16 });
  if (args.includes("--capacity")) {
    const bodyIds = (
      await db.select({ id: stateBodies.id }).from(stateBodies).where(inArray(stateBodies.code, BODY_CODES))
    ).map((b) => b.id);
    await measureCapacity({
      db,
      work,
      bodyIds,
      rnd,
      seconds: Number(flag("--seconds") ?? 20),
      clients: Number(flag("--clients") ?? 16),
      password: PASSWORD,
    });
    await db.$client.end();
    rmSync(work, { recursive: true, force: true });
    return;
  }
  // Free ports, not fixed ones: other test runs share the machine; the web processes' below the ephemeral
  // range (see portBelowEphemeralRange).
  const web = [await portBelowEphemeralRange()];
  while (web.length < 2) {
    const port = await portBelowEphemeralRange();
    if (!web.includes(port)) web.push(port);
  }
  const ports = { proxy: await freePort(), web };
  const proxyBase = `http://localhost:${ports.proxy}`;
  // A streaming replica of the whole server, made while the web processes start: they read public pages
  // from it.
  const replicaPort = await freePort();
  const readUrl = replicaUrl(databaseUrl, replicaPort, new URL(databaseUrl).pathname.slice(1));
  let replica: Replica | undefined;
  const replicaStarting = startReplica({
    primaryUrl: databaseUrl,
    port: replicaPort,
    log: path.join(work, "replica.log"),
  }).then((r) => {
    replica = r;
    return r;
  });
  // Awaited once the web processes are up; a failure before then is reported from there.
  replicaStarting.catch(() => {});
  const replicaDb = createDatabase(readUrl, { max: 2 });
  const webs = ports.web.map((port, i) =>
    appServer({
      port,
      log: path.join(work, `web-${i + 1}.log`),
      env: { BACKGROUND_JOBS: "off", NEXTAUTH_URL: proxyBase, DATABASE_READ_URL: readUrl },
    }),
  );
  const workers: ReturnType<typeof startWorker>[] = [];
  const violations: string[] = [];
  const kills: number[] = [];
  const timeline: string[] = [];
  const cutLog: string[] = [];
  console.log(`cluster test (${MODE.name}, seed ${seed}): 2 web processes, 2 workers; logs in ${work}`);
  const stopAll = async () => {
    resumePrimary();
    await Promise.all([
      ...webs.map((w) => w.stop().catch(() => {})),
      // A worker left running would hold the database its run is about to drop.
      ...workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.exitCode !== null || w.signalCode !== null) return resolve();
            const signal = (name: NodeJS.Signals) => w.pid && process.kill(-w.pid, name);
            const force = setTimeout(() => signal("SIGKILL"), 15_000);
            w.once("exit", () => {
              clearTimeout(force);
              resolve();
            });
            signal("SIGTERM");
          }),
      ),
    ]);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(
      signal,
      () =>
        void stopAll().finally(() => (replica?.stop() ?? Promise.resolve()).finally(() => process.exit(130))),
    );

  try {
    const bodyIds = (
      await db.select({ id: stateBodies.id }).from(stateBodies).where(inArray(stateBodies.code, BODY_CODES))
    ).map((b) => b.id);
    if (bodyIds.length !== BODY_CODES.length) throw new Error("reference data missing: no state bodies");
    // The first web process seeds the demo's accounts, which must not race itself; the second starts while
    // the test's own data is made.
    const [first, second] = webs as [AppServer, AppServer];
    await first.start();
    const [late, accounts] = await Promise.all([
      overdueAppeals(db, MODE.overdue),
      registerCitizens(db, { count: MODE.citizens + 2, prefix: `cluster-${seed}`, password: PASSWORD }),
      second.start(),
    ]);
    const [sessionProbe, limitProbe, ...loadAccounts] = accounts;
    if (!sessionProbe || !limitProbe) throw new Error("no accounts");

    await replicaStarting;
    for (let i = 0; i < 2; i++) workers.push(startWorker(path.join(work, `worker-${i + 1}.log`)));
    const proxy = await roundRobinProxy({ port: ports.proxy, upstreams: webs.map((w) => w.base) });

    violations.push(
      ...(await sessionsAreShared(
        webs.map((w) => w.base),
        sessionProbe.email,
      )),
    );
    violations.push(
      ...(await rateLimitIsShared(
        webs.map((w) => w.base),
        limitProbe,
        bodyIds,
        rnd,
      )),
    );

    const setUpSeconds = (Date.now() - started) / 1000;
    const citizens = await signInAll(proxy.base, loadAccounts, PASSWORD);
    const moderator = await signIn(proxy.base, moderatorLogin(), DEMO_LOGINS.password);
    const logProblem = await verifyModerationLog(proxy.base, savedCheckpoint);
    if (logProblem) violations.push(logProblem);

    // The gate never closes: the balancer keeps serving from the other process. Its epoch moves before and
    // after each kill, so a request cut by the kill is retried and not counted as a failure.
    const gate = new ServerGate();
    const load = submissionLoad({
      base: proxy.base,
      gate,
      clients: MODE.clients,
      citizens,
      bodyIds,
      moderator,
      rnd,
      killsLeft: () => MODE.kills - kills.length,
    });
    load.start();
    for (let k = 0; k < MODE.kills; k++) {
      await sleep(rnd.int(MODE.uptimeMs[0], MODE.uptimeMs[1]));
      const victim = webs[k % webs.length];
      if (!victim) break;
      kills.push(gate.inFlight);
      gate.epoch += 1;
      gate.killing = true;
      timeline.push(`${new Date().toISOString()} kill ${victim.base}`);
      await victim.kill();
      gate.epoch += 1;
      gate.killing = false;
      timeline.push(`${new Date().toISOString()} dead, restarting`);
      await victim.start();
      timeline.push(`${new Date().toISOString()} restarted`);
      const problem = await verifyModerationLog(proxy.base, savedCheckpoint);
      if (problem) violations.push(`after kill ${k + 1}: ${problem}`);
    }
    await sleep(rnd.int(MODE.uptimeMs[0], MODE.uptimeMs[1]));
    // Under the same filing load: the replica's delay as shown, then public reads with the primary stopped.
    violations.push(...(await lagIsShown(proxy.base, db, replicaDb)));
    const published = load.submissions.find((s) => s.ack && load.published.has(s.ack.id))?.ack?.number;
    if (!published) throw new Error("no appeal was published under load");
    const stoppedPrimary = await publicReadsSurviveAStoppedPrimary(
      proxy.base,
      await replicaStarting,
      published,
    );
    violations.push(...stoppedPrimary.problems);
    await load.stop();
    const loadSeconds = (Date.now() - started) / 1000 - setUpSeconds;
    violations.push(...load.violations);

    violations.push(...(await jobsRanOnce(db, late)));
    const finalLog = await verifyModerationLog(proxy.base, savedCheckpoint);
    if (finalLog) violations.push(finalLog);
    cutLog.push(...proxy.cuts.map((c) => `proxy cut ${c}`));
    await proxy.close();
    await stopAll();

    const checked = await checkInvariants(db, {
      submissions: load.submissions,
      citizenIds: citizens.map((c) => c.id),
      published: new Set(load.published.keys()),
    });
    violations.push(...checked.violations);
    const acked = load.submissions.filter((s) => s.ack);
    console.log(
      [
        `kills: ${kills.length} (requests in flight at each: ${kills.join(", ")})`,
        `served by each web process: ${[...proxy.served.values()].join(" / ")} requests`,
        `load: ${MODE.clients} clients; ${acked.length} appeals acknowledged, ${load.published.size} published`,
        `shared: sessions, the filing limit; ${late.length} overdue appeals each marked once by two workers`,
        `replica: delay shown while paused; ${stoppedPrimary.reads} public reads answered in ${(stoppedPrimary.stoppedMs / 1000).toFixed(1)} s with the primary stopped`,
        `${violations.length === 0 ? "PASS" : `FAIL: ${violations.length} violation(s)`} in ${((Date.now() - started) / 1000).toFixed(1)} s (set-up ${setUpSeconds.toFixed(1)} s, load and kills ${loadSeconds.toFixed(1)} s; load average ${os.loadavg()[0]?.toFixed(1)})`,
      ].join("\n"),
    );
  } finally {
    await stopAll();
    await db.$client.end();
    await replicaDb.$client.end();
    await replicaStarting.catch(() => {});
    await replica?.stop();
  }
  if (violations.length > 0) {
    for (const v of violations.slice(0, 30)) console.error(`  ✗ ${v}`);
    for (const line of [...timeline, ...cutLog].sort()) console.error(`  · ${line}`);
    console.error(`logs kept in ${work}; repeat with --seed ${seed}`);
    process.exit(1);
  }
  rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
