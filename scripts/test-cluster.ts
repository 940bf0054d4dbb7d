// `npm run test:cluster [-- --full] [--seed N]`: the service as several processes on one PostgreSQL. Two web
// processes started without jobs (BACKGROUND_JOBS=off) behind a round-robin balancer, and two job workers
// (`npm run worker`). Citizens file appeals through the balancer while one web process at a time is killed
// with SIGKILL and restarted. Then it checks what makes processes interchangeable: every acknowledged appeal
// exists once with its number, a session made on one process works on the other, a rate limit counts the
// requests of both, each job's effect happened exactly once although two workers ran it, and the moderation
// log still verifies. Needs a production build and a database of its own (scripts/with-test-database.ts).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { createDatabase, type Database } from "@/db/client";
import { appealEvents, notifications, stateBodies } from "@/db/schema";
import { DEMO_LOGINS } from "@/db/seed/demo";
import { almaty, fileTestAppeal } from "@/test/official-fixtures";
import { moderatorLogin, registerCitizens, signInAll, verifyModerationLog } from "./crash/accounts";
import { appServer, sleep } from "./crash/app-server";
import { checkInvariants } from "./crash/check-invariants";
import { mutate, type Session, signIn } from "./crash/http-client";
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
  : { name: "quick", kills: 2, clients: 4, citizens: 30, overdue: 6, uptimeMs: [1500, 3000] as const };
const seed = Number(flag("--seed") ?? Math.floor(Math.random() * 2 ** 31));
const PORTS = { proxy: 3193, web: [3191, 3192] } as const;
const BODY_CODES = ["akimat-almaty-city", "akimat-astana", "akimat-shymkent"];
const PASSWORD = `cluster-${seed}-password`;
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

/** A worker process (scripts/worker.ts), its output in the run's log. */
function startWorker(log: string) {
  const out = openSync(log, "a");
  return spawn(process.execPath, [tsxCli, "scripts/worker.ts"], { stdio: ["ignore", out, out] });
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
  const db = createDatabase(databaseUrl, { max: 4 });
  const proxyBase = `http://localhost:${PORTS.proxy}`;
  const webs = PORTS.web.map((port, i) =>
    appServer({
      port,
      log: path.join(work, `web-${i + 1}.log`),
      env: { BACKGROUND_JOBS: "off", NEXTAUTH_URL: proxyBase },
    }),
  );
  const workers: ReturnType<typeof startWorker>[] = [];
  const violations: string[] = [];
  const kills: number[] = [];
  console.log(`cluster test (${MODE.name}, seed ${seed}): 2 web processes, 2 workers; logs in ${work}`);
  const stopAll = async () => {
    await Promise.all(webs.map((w) => w.stop().catch(() => {})));
    for (const w of workers) w.kill("SIGTERM");
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void stopAll().finally(() => process.exit(130)));

  try {
    const bodyIds = (
      await db.select({ id: stateBodies.id }).from(stateBodies).where(inArray(stateBodies.code, BODY_CODES))
    ).map((b) => b.id);
    if (bodyIds.length !== BODY_CODES.length) throw new Error("reference data missing: no state bodies");
    const late = await overdueAppeals(db, MODE.overdue);
    const accounts = await registerCitizens(db, {
      count: MODE.citizens + 2,
      prefix: `cluster-${seed}`,
      password: PASSWORD,
    });
    const [sessionProbe, limitProbe, ...loadAccounts] = accounts;
    if (!sessionProbe || !limitProbe) throw new Error("no accounts");

    // Web processes one after the other: each start migrates and seeds, which must not race itself.
    for (const web of webs) await web.start();
    for (let i = 0; i < 2; i++) workers.push(startWorker(path.join(work, `worker-${i + 1}.log`)));
    const proxy = await roundRobinProxy({ port: PORTS.proxy, upstreams: webs.map((w) => w.base) });

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
      await victim.kill();
      gate.epoch += 1;
      await victim.start();
      const problem = await verifyModerationLog(proxy.base, savedCheckpoint);
      if (problem) violations.push(`after kill ${k + 1}: ${problem}`);
    }
    await sleep(rnd.int(MODE.uptimeMs[0], MODE.uptimeMs[1]));
    await load.stop();
    violations.push(...load.violations);

    violations.push(...(await jobsRanOnce(db, late)));
    const finalLog = await verifyModerationLog(proxy.base, savedCheckpoint);
    if (finalLog) violations.push(finalLog);
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
        `${violations.length === 0 ? "PASS" : `FAIL: ${violations.length} violation(s)`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      ].join("\n"),
    );
  } finally {
    await stopAll();
    await db.$client.end();
  }
  if (violations.length > 0) {
    for (const v of violations.slice(0, 30)) console.error(`  ✗ ${v}`);
    console.error(`logs kept in ${work}; repeat with --seed ${seed}`);
    process.exit(1);
  }
  rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
