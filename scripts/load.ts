// `npm run load`: files appeals and reads the public pages at the same time, at three times Kazakhstan's
// peak rate, against a production build on loopback; reports p50/p95/p99 and errors per route group.
//
//   npm run load                          60 s at the target rates, then 60 s with the reads flat out
//   npm run load -- --quick               15 s at the target rates (npm test): fails on errors only
//   npm run load -- --url http://host:p   against a server already running, with demo data; DATABASE_URL
//                                         names its database (the load's citizens are registered there);
//                                         --url http://a,http://b spreads the load over several servers
//   --seconds N  length of each phase     --port P  port of the server started here (default: a free one)
//   --demo-appeals N  demo appeals in the database of the server started here (default 300; quick: 150)
//   --reads-per-filing N  the read rate, as public page views per appeal filed (default 10)
//   --read-rate N  the read rate, as public page views a second (overrides --reads-per-filing)
//   --file-rate N  appeals filed a second (default: three times the peak, rounded up)
//
// Without --url it serves the build in NEXT_DIST_DIR (default .next) with `scripts/start.ts --no-build`,
// over a database of its own (scripts/with-test-database.ts) holding the demo's appeals and dashboards.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import { createDatabase, type Database } from "@/db/client";
import { freePort } from "@/db/embedded-server";
import { RATE_RULES } from "@/server/rate-limit/hit-rate-limit";
import {
  appealForm,
  type Destination,
  destinations,
  type ReadGroup,
  readPaths,
  signedInCitizens,
} from "./load-client";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const QUICK = args.includes("--quick");
const INSIDE = "--inside-test-database";
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

// ---- The rates ------------------------------------------------------------------------------------
// 4.4 million appeals in 2024; the busiest hour of a day is assumed to carry a tenth of the day's appeals.
const APPEALS_2024 = 4_400_000;
const BUSIEST_HOUR_SHARE = 0.1;
const PEAK_MULTIPLE = 3;
const FILINGS_PER_SECOND = ((APPEALS_2024 / 365) * BUSIEST_HOUR_SHARE * PEAK_MULTIPLE) / 3600;
// Public pages are read far more often than appeals are filed: an author looks up the body's record before
// filing and the public appeals after, and the press, researchers and the bodies themselves read the league
// table. Ten page views per appeal filed is that order of magnitude, an assumption; the flat-out phase
// measures how far beyond it the reads can go.
// `--read-rate N` sets the public page views a second outright (the headline's load, e.g. 500).
const READS_PER_FILING = flag("--read-rate")
  ? Number(flag("--read-rate")) / FILINGS_PER_SECOND
  : Number(flag("--reads-per-filing") ?? 10);
const READ_SHARE: Record<ReadGroup, number> = { dashboard: 0.4, scopes: 0.3, publicAppeals: 0.3 };

type GroupName = "file" | ReadGroup;
const LABEL: Record<GroupName, string> = {
  file: "file an appeal (tRPC appeal.file)",
  dashboard: "republic dashboard + league table",
  scopes: "body and region dashboards",
  publicAppeals: "public appeals: list and page",
};
const TARGET_P95_MS: Record<GroupName, number> = {
  file: 200,
  dashboard: 100,
  scopes: 100,
  publicAppeals: 100,
};
const TIMEOUT_SECONDS = 10;
const FLAT_OUT_CONNECTIONS = 3;
const MAX_STREAMS = 40;

// autocannon paces whole requests per second: rates are rounded up, never below the stated one.
// `--file-rate N` files N appeals a second instead: how far filing over HTTP goes (docs/performance.md).
const fileRate = Number(flag("--file-rate") ?? Math.ceil(FILINGS_PER_SECOND));
const READ_RATES = wholeRates(FILINGS_PER_SECOND * READS_PER_FILING, READ_SHARE);
const readRate = (g: ReadGroup) => READ_RATES[g];

/** Whole requests a second per group, in proportion to `share`, adding up to at least `total`. */
function wholeRates(total: number, share: Record<ReadGroup, number>): Record<ReadGroup, number> {
  const groups = Object.keys(share) as ReadGroup[];
  const rates = Object.fromEntries(groups.map((g) => [g, Math.round(total * share[g])])) as Record<
    ReadGroup,
    number
  >;
  for (let i = 0; groups.reduce((sum, g) => sum + rates[g], 0) < total; i++)
    rates[groups[i % groups.length] as ReadGroup]++;
  return rates;
}

type Phase = { name: string; seconds: number; readsFlatOut: boolean };
const SECONDS = Number(flag("--seconds") ?? (QUICK ? 15 : 60));
const PHASES: Phase[] = QUICK
  ? [{ name: "target rates", seconds: SECONDS, readsFlatOut: false }]
  : [
      { name: "target rates", seconds: SECONDS, readsFlatOut: false },
      { name: "reads flat out, filing at its rate", seconds: SECONDS, readsFlatOut: true },
    ];

function printRates() {
  const perDay = APPEALS_2024 / 365;
  const perHour = perDay * BUSIEST_HOUR_SHARE;
  const n = (x: number, digits = 0) => x.toLocaleString("en", { maximumFractionDigits: digits });
  console.log(
    [
      "Rates",
      `  filing: ${n(APPEALS_2024)} appeals in 2024 / 365 = ${n(perDay)} a day; ${BUSIEST_HOUR_SHARE * 100}% of them in the busiest hour = ${n(perHour)} an hour`,
      `          = ${n(perHour / 3600, 3)}/s; × ${PEAK_MULTIPLE} = ${n(FILINGS_PER_SECOND, 3)}/s → ${fileRate}/s (whole requests a second, rounded up: ${n(fileRate / (perHour / 3600), 1)}× the peak)`,
      `  reading: ${READS_PER_FILING} public page views per appeal filed = ${n(FILINGS_PER_SECOND * READS_PER_FILING, 1)}/s → ${(Object.keys(READ_SHARE) as ReadGroup[]).map((g) => `${g} ${readRate(g)}/s`).join(", ")}`,
    ].join("\n"),
  );
}

// ---- Measuring ------------------------------------------------------------------------------------
type Request = { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: Buffer };
type Group = {
  name: GroupName;
  /** Requests a second, or undefined: as fast as FLAT_OUT_CONNECTIONS connections go. */
  rate: number | undefined;
  /** The next request to `base`, one of the servers under load. */
  next: (base: string) => Request;
  onResponse?: (status: number, body: string) => void;
};
type Measured = {
  group: GroupName;
  rate: number | undefined;
  seconds: number;
  requests: number;
  errors: number;
  latencies: number[];
};
type Stream = { group: Group; connections: number; rate: number | undefined };

/** Nearest-rank percentile, as in scripts/bench.ts. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(Math.ceil((p / 100) * sorted.length) - 1, 0)] ?? Number.NaN;
}

/**
 * A rate of r a second is r connections sending one request a second each, and all the phase's
 * connections start evenly spread over the first second: the requests arrive at a constant rate, as
 * k6's constant-arrival-rate or wrk2 send them, not in bursts at the top of each second. Past
 * MAX_STREAMS a second a group's connections share its rate, each sending its second's requests one after
 * the other: the arrivals are then only roughly constant.
 */
function streamsOf(groups: Group[]): Stream[] {
  const perGroup = groups.map((group): Stream[] => {
    if (group.rate === undefined) return [{ group, connections: FLAT_OUT_CONNECTIONS, rate: undefined }];
    // Hundreds of autocannon instances would load this machine more than the server does.
    const streams = Math.min(group.rate, MAX_STREAMS);
    return Array.from({ length: streams }, (_, i) => ({
      group,
      connections: 1,
      rate: Math.floor((group.rate as number) / streams) + (i < (group.rate as number) % streams ? 1 : 0),
    }));
  });
  // Interleaved, so that one group's requests are spread over the second too.
  const longest = Math.max(...perGroup.map((g) => g.length));
  return Array.from({ length: longest }, (_, i) => perGroup.flatMap((g) => g[i] ?? [])).flat();
}

async function runStream(base: string, s: Stream, seconds: number, delayMs: number) {
  await sleep(delayMs);
  const latencies: number[] = [];
  let notOk = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: s.connections,
        overallRate: s.rate,
        duration: seconds,
        timeout: TIMEOUT_SECONDS,
        requests: [
          { setupRequest: (r) => ({ ...r, ...s.group.next(base) }), onResponse: s.group.onResponse },
        ],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status < 200 || status > 299) notOk++;
    });
  });
  // `errors` counts timeouts and broken connections; a response that is not 2xx is an error too.
  return { latencies, errors: notOk + result.errors, lost: result.errors };
}

async function runPhase(bases: string[], groups: Group[], seconds: number): Promise<Measured[]> {
  const streams = streamsOf(groups);
  // With several servers, each group's streams take them in turn: a round-robin client, no balancer.
  const runs = await Promise.all(
    streams.map((s, i) =>
      runStream(bases[i % bases.length] as string, s, seconds, (i * 1000) / streams.length),
    ),
  );
  return groups.map((group) => {
    const mine = runs.filter((_, i) => streams[i]?.group === group);
    const latencies = mine.flatMap((r) => r.latencies).sort((a, b) => a - b);
    return {
      group: group.name,
      rate: group.rate,
      seconds,
      requests: latencies.length + mine.reduce((sum, r) => sum + r.lost, 0),
      errors: mine.reduce((sum, r) => sum + r.errors, 0),
      latencies,
    };
  });
}

function report(phase: Phase, rows: Measured[], judged: boolean): boolean {
  const ms = (x: number) => (Number.isNaN(x) ? "—" : x >= 100 ? x.toFixed(0) : x.toFixed(1));
  let ok = true;
  console.log(`\n### ${phase.name} (${phase.seconds} s)\n`);
  console.log(
    "| route group | rate | requests | req/s | p50 ms | p95 ms | p99 ms | errors | error rate | target p95 | result |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const r of rows) {
    const p95 = percentile(r.latencies, 95);
    const fast = p95 <= TARGET_P95_MS[r.group];
    const pass = r.errors === 0 && r.requests > 0 && (fast || !judged);
    if (!pass) ok = false;
    const verdict =
      r.errors > 0 || r.requests === 0
        ? "FAIL (errors)"
        : !fast
          ? judged
            ? "FAIL (p95)"
            : "slower (not judged)"
          : "pass";
    console.log(
      `| ${LABEL[r.group]} | ${r.rate !== undefined ? `${r.rate}/s` : "flat out"} | ${r.requests} | ${(r.requests / r.seconds).toFixed(1)} | ${ms(percentile(r.latencies, 50))} | ${ms(p95)} | ${ms(percentile(r.latencies, 99))} | ${r.errors} | ${((100 * r.errors) / Math.max(r.requests, 1)).toFixed(2)}% | < ${TARGET_P95_MS[r.group]} ms | ${verdict} |`,
    );
  }
  // All public page views together: the figure a headline's readers make (docs/performance.md).
  const reads = rows.filter((r) => r.group !== "file");
  const latencies = reads.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = reads.reduce((sum, r) => sum + r.requests, 0);
  console.log(
    `\nPublic page reads in total: ${(requests / phase.seconds).toFixed(1)}/s, p50 ${ms(percentile(latencies, 50))} ms, ` +
      `p95 ${ms(percentile(latencies, 95))} ms, p99 ${ms(percentile(latencies, 99))} ms, ` +
      `${reads.reduce((sum, r) => sum + r.errors, 0)} errors.`,
  );
  return ok;
}

// ---- The load -------------------------------------------------------------------------------------
const BROWSER_HEADERS = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br",
};

function filingGroup(citizens: string[], to: Destination[], numbers: Set<string>) {
  let n = 0;
  let unnumbered = 0;
  const group: Group = {
    name: "file",
    rate: fileRate,
    next: (base) => {
      const i = n++;
      const form = appealForm(i, to[i % to.length] as Destination);
      return {
        method: "POST",
        path: "/api/trpc/appeal.file",
        headers: {
          cookie: citizens[i % citizens.length] as string,
          "content-type": form.contentType,
          origin: base,
        },
        body: form.body,
      };
    },
    // Each acknowledgement must carry a number of its own: every request has a fresh idempotency key.
    onResponse: (status, body) => {
      if (status !== 200) return;
      const number = /"number":"([^"]+)"/.exec(body)?.[1];
      if (!number || numbers.has(number)) unnumbered++;
      else numbers.add(number);
    },
  };
  return { group, unnumbered: () => unnumbered };
}

function readGroup(name: ReadGroup, paths: string[], flatOut: boolean): Group {
  return {
    name,
    rate: flatOut ? undefined : readRate(name),
    next: () => ({
      method: "GET",
      path: paths[Math.floor(Math.random() * paths.length)] as string,
      headers: BROWSER_HEADERS,
    }),
  };
}

/** One request to every page and two filings, outside the measurements: the first render of each route. */
async function warmUp(base: string, paths: Record<ReadGroup, string[]>, file: Group) {
  for (const p of Object.values(paths).flat()) {
    const response = await fetch(`${base}${p}`, { headers: BROWSER_HEADERS });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`warm-up: GET ${p} answered ${response.status}`);
  }
  for (let i = 0; i < 2; i++) {
    const r = file.next(base);
    const response = await fetch(`${base}${r.path}`, {
      method: r.method,
      headers: r.headers,
      body: r.body && new Uint8Array(r.body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`warm-up: filing answered ${response.status}: ${text.slice(0, 300)}`);
  }
}

async function runLoad(db: Database, bases: string[]): Promise<boolean> {
  const base = bases[0] as string;
  printRates();
  const filings = fileRate * PHASES.reduce((s, p) => s + p.seconds + 2, 0) + 2;
  // Each citizen files at most half the hourly limit, so the limit never answers instead of the service.
  const citizenCount = Math.ceil(filings / (RATE_RULES.fileAppeal.limit / 2));
  const started = Date.now();
  const [citizens, to, paths] = await Promise.all([
    signedInCitizens(db, base, citizenCount),
    destinations(base),
    readPaths(base),
  ]);
  console.log(
    `\nSet-up: ${citizens.length} citizens registered and signed in over HTTP, ${Object.values(paths).flat().length} pages, ${to.length} destinations (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  const numbers = new Set<string>();
  const filing = filingGroup(citizens, to, numbers);
  for (const b of bases) await warmUp(b, paths, filing.group);

  let ok = true;
  for (const phase of PHASES) {
    const load = os.loadavg()[0]?.toFixed(2);
    const groups = [
      filing.group,
      ...(Object.keys(paths) as ReadGroup[]).map((g) => readGroup(g, paths[g], phase.readsFlatOut)),
    ];
    const rows = await runPhase(bases, groups, phase.seconds);
    // The flat-out phase shows headroom: its latencies are queueing by design and are not judged.
    const judged = !QUICK && !phase.readsFlatOut;
    if (!report(phase, rows, judged)) ok = false;
    console.log(`\nLoad average (1 min) before: ${load}, after: ${os.loadavg()[0]?.toFixed(2)}`);
  }
  if (filing.unnumbered() > 0) {
    console.log(`FAIL: ${filing.unnumbered()} filings were acknowledged without a number of their own`);
    ok = false;
  }
  console.log(
    `\n${numbers.size} appeals filed and acknowledged, each with its own number. Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; load generator on the same machine.`,
  );
  console.log(
    QUICK
      ? "Quick mode: fails on errors only; latencies are reported, not judged."
      : "Full mode: fails on errors and on a p95 over its target at the target rates.",
  );
  return ok;
}

// ---- The server -----------------------------------------------------------------------------------
/** Serves the existing build over the database with-test-database.ts made, with the demo's appeals. */
async function startServer(port: number): Promise<{ base: string; child: ChildProcess; log: () => string }> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      tsxCli,
      "scripts/start.ts",
      "--no-build",
      "--port",
      String(port),
      "--demo-appeals",
      flag("--demo-appeals") ?? (QUICK ? "150" : "300"),
    ],
    { env: { ...process.env, NEXTAUTH_URL: base }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    const healthy = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { base, child, log: () => output };
    await sleep(500);
  }
  child.kill("SIGTERM");
  throw new Error(`the server did not answer on ${base} within 5 minutes:\n${output}`);
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // start.ts passes the signal to scripts/serve.ts and exits when it does.
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(15_000)]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** The database the server uses: the load's citizens are registered there. */
function openDatabase(): Database {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set: with --url, give the database of the server under load");
  return createDatabase(url, { max: 4 });
}

async function main() {
  const url = flag("--url");
  if (url) {
    const db = openDatabase();
    const bases = url.split(",").map((u) => u.trim().replace(/\/$/, ""));
    const ok = await runLoad(db, bases).finally(() => db.$client.end());
    process.exit(ok ? 0 : 1);
  }

  if (!args.includes(INSIDE)) {
    const distDir = process.env.NEXT_DIST_DIR ?? ".next";
    if (!existsSync(path.join(distDir, "BUILD_ID")))
      throw new Error(
        `no production build in ${distDir}: run \`next build\` first (NEXT_DIST_DIR selects it)`,
      );
    // Run again inside a database made for this run, which with-test-database.ts drops afterwards.
    const tsx = [process.execPath, tsxCli];
    const child = spawn(
      process.execPath,
      [tsxCli, "scripts/with-test-database.ts", ...tsx, "scripts/load.ts", ...args, INSIDE],
      { stdio: "inherit" },
    );
    child.on("exit", (code) => process.exit(code ?? 1));
    return;
  }

  console.log(`Serving the production build in ${process.env.NEXT_DIST_DIR ?? ".next"} on loopback…`);
  const server = await startServer(Number(flag("--port") ?? (await freePort())));
  const db = openDatabase();
  let ok = false;
  try {
    ok = await runLoad(db, [server.base]);
  } finally {
    if (!ok) console.log(`\nLast server output:\n${server.log().slice(-4000)}`);
    await stopServer(server.child);
    await db.$client.end();
  }
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
