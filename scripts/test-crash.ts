// `npm run test:crash [-- --full] [--port P] [--seed N]`: puts a submission load on a production server,
// SIGKILLs it at random moments while requests are in flight, restarts it, and checks that every appeal
// number acknowledged to a client exists as sent, once, with its files and events, and that nothing else
// was left behind. Needs a production build (`next build`, NEXT_DIST_DIR respected) and a database of its
// own: run it through scripts/with-test-database.ts, as the npm script does. Exits non-zero on any violation.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { createDatabase, type Database } from "@/db/client";
import { stateBodies, users } from "@/db/schema";
import { DEMO_LOGINS } from "@/db/seed/demo";
import { registerCitizen } from "@/server/accounts/register-citizen";
import { appServer, sleep } from "./crash/app-server";
import { checkInvariants } from "./crash/check-invariants";
import { mutate, signIn } from "./crash/http-client";
import { type Citizen, FILING_ALLOWANCE, ServerGate, submissionLoad } from "./crash/submission-load";
import { formOf, type Submission, seededRandom } from "./crash/submissions";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const full = args.includes("--full");
const MODE = full
  ? { name: "full", kills: 12, clients: 8, citizens: 160, uptimeMs: [800, 7000] as const }
  : { name: "quick", kills: 3, clients: 6, citizens: 40, uptimeMs: [1500, 4000] as const };
const port = Number(flag("--port") ?? process.env.CRASH_PORT ?? 3190);
const seed = Number(flag("--seed") ?? Math.floor(Math.random() * 2 ** 31));
const BODY_CODES = ["akimat-almaty-city", "akimat-astana", "akimat-shymkent"];
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

function moderatorLogin() {
  const login = DEMO_LOGINS.users.find((u) => u.role === "moderator");
  if (!login) throw new Error("no demo moderator");
  return login.email;
}

/** The public verifier (scripts/verify-log.ts) over HTTP, holding the log to the checkpoint it saw last. */
function verifyModerationLog(base: string, saved: string): string | null {
  const result = spawnSync(
    process.execPath,
    [tsxCli, "scripts/verify-log.ts", base, ...(existsSync(saved) ? [saved] : []), "--save", saved],
    { encoding: "utf8" },
  );
  return result.status === 0 ? null : `moderation log: ${(result.stderr || result.stdout).trim()}`;
}

// Citizens enough that no one exceeds the filing allowance: registered through the domain, signed in over HTTP.
const PASSWORD = `crash-${seed}-password`;

async function registerCitizens(db: Database, count: number) {
  const accounts: { id: string; email: string }[] = [];
  for (let i = 0; i < count; i += 8) {
    const batch = Array.from({ length: Math.min(8, count - i) }, async (_, j) => {
      const email = `crash-${seed}-${i + j}@test.tyndau.kz`;
      const fullName = `Crash Citizen ${i + j}`;
      await registerCitizen(db, { fullName, email, password: PASSWORD, locale: "kk" });
      // Only confirmed addresses file; the confirmation link itself is tested elsewhere (verify-email).
      const [user] = await db
        .update(users)
        .set({ emailVerifiedAt: new Date() })
        .where(eq(users.email, email))
        .returning({ id: users.id });
      if (!user) throw new Error(`crash: ${email} was not registered`);
      return { id: user.id, email };
    });
    accounts.push(...(await Promise.all(batch)));
  }
  return accounts;
}

async function signInAll(base: string, accounts: { id: string; email: string }[]): Promise<Citizen[]> {
  const citizens: Citizen[] = [];
  for (let i = 0; i < accounts.length; i += 4) {
    const batch = accounts.slice(i, i + 4).map(async (a) => ({
      id: a.id,
      session: await signIn(base, a.email, PASSWORD),
      hits: 0,
    }));
    citizens.push(...(await Promise.all(batch)));
  }
  return citizens;
}

/**
 * Retries after the restarts: the same key answers with the same appeal (up to ten), and the key with
 * another subject 422. Only citizens with allowance left retry, so that no refusal is the rate limit's.
 */
async function retryAfterRestarts(base: string, submissions: readonly Submission[], citizens: Citizen[]) {
  const violations: string[] = [];
  const citizenOf = new Map(citizens.map((c) => [c.id, c]));
  const withAllowance = (s: Submission) =>
    (citizenOf.get(s.citizenId)?.hits ?? FILING_ALLOWANCE) < FILING_ALLOWANCE;
  let replayed = 0;
  for (const s of submissions) {
    const citizen = citizenOf.get(s.citizenId);
    if (replayed === 10 || !s.ack || !citizen || !withAllowance(s)) continue;
    citizen.hits += 1;
    replayed += 1;
    const again = await mutate(base, citizen.session, "appeal.file", formOf(s), 30_000);
    if (again.status !== 200 || JSON.stringify(again.data) !== JSON.stringify(s.ack))
      violations.push(`${s.ack.number}: a retry after the restarts answered ${again.status}`);
  }
  const changed = submissions.find((s) => s.ack && withAllowance(s));
  const citizen = changed && citizenOf.get(changed.citizenId);
  if (!changed?.ack || !citizen || replayed === 0) return [...violations, "no appeal left to retry"];
  citizen.hits += 1;
  const form = formOf(changed, { subject: `${changed.fields.subject} (changed)` });
  const answer = await mutate(base, citizen.session, "appeal.file", form, 30_000);
  if (answer.status !== 422 || answer.error?.domainCode !== "IDEMPOTENCY_MISMATCH")
    violations.push(`${changed.ack.number}: its key with another subject answered ${answer.status}`);
  return violations;
}

async function main() {
  const started = Date.now();
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: run through `npm run test:crash`.");
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID")))
    throw new Error(
      `No production build in ${distDir}: run \`next build\` first (npm test builds for test:e2e).`,
    );

  const work = mkdtempSync(path.join(os.tmpdir(), "tyndau-crash-"));
  const logFile = path.join(work, "server.log");
  const savedCheckpoint = path.join(work, "checkpoint.json");
  const rnd = seededRandom(seed);
  const db = createDatabase(databaseUrl, { max: 4 });
  const server = appServer({ port, log: logFile });
  const violations: string[] = [];
  const kills: { inFlight: number; restartMs: number }[] = [];
  console.log(`crash test (${MODE.name}, seed ${seed}) on ${server.base}; server log: ${logFile}`);
  // The server runs in a process group of its own, which an interrupt at the terminal does not reach.
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void server.kill().finally(() => process.exit(130)));

  try {
    const bodies = await db
      .select({ id: stateBodies.id })
      .from(stateBodies)
      .where(inArray(stateBodies.code, BODY_CODES));
    if (bodies.length !== BODY_CODES.length) throw new Error("reference data missing: no state bodies");

    const accounts = await registerCitizens(db, MODE.citizens);
    await server.start();
    const citizens = await signInAll(server.base, accounts);
    const moderator = await signIn(server.base, moderatorLogin(), DEMO_LOGINS.password);
    const logProblem = verifyModerationLog(server.base, savedCheckpoint);
    if (logProblem) violations.push(logProblem);

    const gate = new ServerGate();
    const load = submissionLoad({
      base: server.base,
      gate,
      clients: MODE.clients,
      citizens,
      bodyIds: bodies.map((b) => b.id),
      moderator,
      rnd,
      killsLeft: () => MODE.kills - kills.length,
    });
    const loadStarted = Date.now();
    load.start();
    for (let k = 0; k < MODE.kills; k++) {
      await sleep(rnd.int(MODE.uptimeMs[0], MODE.uptimeMs[1]));
      // The kill must find requests in flight: that is the crash worth surviving.
      const deadline = Date.now() + 10_000;
      while (gate.inFlight === 0) {
        if (Date.now() > deadline || load.outOfCitizens())
          throw new Error("the load stopped before the kills were done: raise the number of citizens");
        await sleep(1);
      }
      const inFlight = gate.inFlight;
      gate.close();
      await server.kill();
      const down = Date.now();
      await server.start();
      kills.push({ inFlight, restartMs: Date.now() - down });
      gate.reopen();
      const problem = verifyModerationLog(server.base, savedCheckpoint);
      if (problem) violations.push(`after kill ${k + 1}: ${problem}`);
    }
    await sleep(rnd.int(MODE.uptimeMs[0], MODE.uptimeMs[1]));
    await load.stop();
    const loadMs = Date.now() - loadStarted;
    violations.push(...load.violations);

    violations.push(...(await retryAfterRestarts(server.base, load.submissions, citizens)));
    const finalLog = verifyModerationLog(server.base, savedCheckpoint);
    if (finalLog) violations.push(finalLog);
    await server.stop();

    const checked = await checkInvariants(db, {
      submissions: load.submissions,
      citizenIds: citizens.map((c) => c.id),
      published: new Set(load.published.keys()),
    });
    violations.push(...checked.violations);

    const acked = load.submissions.filter((s) => s.ack);
    const retried = load.submissions.filter((s) => s.failedAttempts > 0);
    const files = acked.reduce((n, s) => n + s.files.length, 0);
    console.log(
      [
        `kills: ${kills.length} (requests in flight at each: ${kills.map((k) => k.inFlight).join(", ")}; restarts took ${kills.map((k) => (k.restartMs / 1000).toFixed(1)).join(", ")} s)`,
        `load: ${MODE.clients} clients for ${(loadMs / 1000).toFixed(1)} s; ${acked.length} appeals acknowledged with ${files} files, ${load.published.size} published (${[...load.published.values()].filter((v) => v === "on retry").length} only on retry)`,
        `retried after a kill: ${retried.length}; of these, committed before the kill and acknowledged only on retry: ${checked.committedBeforeKill}`,
        `database: ${checked.appeals} appeals of the test's citizens; invariants checked`,
        `${violations.length === 0 ? "PASS" : `FAIL: ${violations.length} violation(s)`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      ].join("\n"),
    );
  } finally {
    await server.stop().catch(() => {});
    await db.$client.end();
  }
  if (violations.length > 0) {
    for (const v of violations.slice(0, 30)) console.error(`  ✗ ${v}`);
    if (violations.length > 30) console.error(`  … and ${violations.length - 30} more`);
    console.error(`server log kept in ${logFile}; repeat with --seed ${seed}`);
    process.exit(1);
  }
  rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
