// `npm run bench`: how fast the dashboards and the public API answer on the generated data (not a test).
import os from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { namesPlaceOrAddressee } from "@/db/generate/body-places";
import { labelledAnswers } from "@/db/generate/labelled-answers";
import { evaluateBodyModel } from "@/server/body-suggestion/evaluate-body-model";
import { trainBodyModel } from "@/server/body-suggestion/train-body-model";
import type { RegionCode } from "@/server/directory/regions";
import { computeAnswerFigures, summaryAnswerFigures } from "@/server/metrics/answer-figures";
import { countCameBack } from "@/server/metrics/count-came-back";
import {
  bodyMetrics,
  bodyMetricsDirect,
  categoryBreakdown,
  categoryBreakdownDirect,
  leagueTable,
  leagueTableDirect,
  metricsByMonth,
  metricsByMonthDirect,
  monthlyTrend,
  monthlyTrendDirect,
  regionMap,
  regionMapDirect,
  regionMetrics,
  regionMetricsDirect,
  republicMetrics,
  republicMetricsDirect,
} from "@/server/metrics/dashboard-queries";
import { evaluateFormalReplies } from "@/server/metrics/evaluate-formal-replies";
import { lastTwelveMonths, type Period } from "@/server/metrics/period";
import { refreshMetrics } from "@/server/metrics/refresh-metrics";
import { listPublicAppeals, type PublicAppealFilters } from "@/server/public-appeals/list-public-appeals";
import { flag, openBenchDatabase } from "./bench-database";
import { benchFiling } from "./bench-filing";
import { printPageWeights } from "./js-weight";

const RUNS = Number(flag("--runs") ?? 30);
const DIRECT_RUNS = Number(flag("--direct-runs") ?? 10);
const WARMUP = Number(flag("--warmup") ?? 3);
/**
 * `--only <part>`: one part of PARTS (rebuild, refresh, dashboards, api, search, suggest, formal, filing —
 * `--filing-seconds N` a run), or `js`
 * (the pages' JavaScript, from the build, no database).
 */
const ONLY = flag("--only");
/** How many appeals change before the measured incremental refresh. */
const CHANGED = Number(flag("--changed") ?? 100);

type Timing = { p50: number; p95: number };
type Context = {
  db: Database;
  now: Date;
  period: Period;
  bodyId: string;
  region: RegionCode;
  publicRows: number;
};

/** Nearest-rank percentile of the measured milliseconds. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(Math.ceil((p / 100) * sorted.length) - 1, 0)] ?? Number.NaN;
}

async function measure(run: () => Promise<unknown>, o: { runs: number; warmup: number }): Promise<Timing> {
  for (let i = 0; i < o.warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const ratio = (n: number) => `${n >= 100 ? n.toFixed(0) : n.toFixed(1)}×`;

/**
 * Each dashboard query on the summary tables, then its *Direct twin: a GROUP BY over the appeals. These
 * are the query functions themselves, without the figure cache the tRPC procedures put in front of them.
 */
async function benchDashboards({ db, now, period, bodyId, region }: Context) {
  // Formal replies are left out of the baseline: its pairwise trigram comparison alone takes minutes.
  const direct = { now, formal: false };
  const queries: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    [
      "bodyMetrics",
      () => bodyMetrics(db, bodyId, period),
      () => bodyMetricsDirect(db, bodyId, period, direct),
    ],
    [
      "regionMetrics",
      () => regionMetrics(db, region, period),
      () => regionMetricsDirect(db, region, period, direct),
    ],
    ["republicMetrics", () => republicMetrics(db, period), () => republicMetricsDirect(db, period, direct)],
    [
      "leagueTable",
      () => leagueTable(db, { period, sort: "onTimeRate" }),
      () => leagueTableDirect(db, { period, sort: "onTimeRate", ...direct }),
    ],
    [
      "regionMap",
      () => regionMap(db, { metric: "onTimeRate", period }),
      () => regionMapDirect(db, { metric: "onTimeRate", period, ...direct }),
    ],
    ["monthlyTrend", () => monthlyTrend(db, { period }), () => monthlyTrendDirect(db, { period, ...direct })],
    [
      "answerFigures (republic)",
      () => summaryAnswerFigures(db, { period }),
      () => computeAnswerFigures(db, { period }),
    ],
    [
      "categoryBreakdown",
      () => categoryBreakdown(db, { period }),
      () => categoryBreakdownDirect(db, { period, ...direct }),
    ],
    [
      "metricsByMonth (by body)",
      () => metricsByMonth(db, { period, by: "body" }),
      () => metricsByMonthDirect(db, { period, by: "body", ...direct }),
    ],
  ];
  console.log(
    "| dashboard query | summary p50 ms | summary p95 ms | GROUP BY p50 ms | GROUP BY p95 ms | ×p50 | ×p95 |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const [name, fast, slow] of queries) {
    const s = await measure(fast, { runs: RUNS, warmup: WARMUP });
    const d = await measure(slow, { runs: DIRECT_RUNS, warmup: Math.min(WARMUP, 1) });
    console.log(
      `| ${name} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(d.p50)} | ${ms(d.p95)} | ${ratio(d.p50 / s.p50)} | ${ratio(d.p95 / s.p95)} |`,
    );
  }
}

/** The full rebuild of the summaries, as after a bulk load or a change of the working-day calendar. */
async function benchRebuild({ db, now }: Context) {
  const started = performance.now();
  const steps: string[] = [];
  await refreshMetrics(db, now, { rebuild: true, log: (line) => steps.push(line.trim()) });
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nFull metrics rebuild: ${seconds.toFixed(1)} s (target ≤ 60 s). Steps: ${steps.join("; ")}.`);
  const counting = performance.now();
  await countCameBack(db, now);
  const counted = (performance.now() - counting) / 1000;
  console.log(`Came-back count, each night, not part of the rebuild: ${counted.toFixed(1)} s.`);
}

class RolledBack extends Error {}

/**
 * The refresh the job runs each minute. First one that catches up with the clock (committed), then one
 * with nothing new (the stamp and the figure cache must stay), then, `--runs` times in a transaction
 * rolled back afterwards, one after --changed open appeals each got an event that changes its figures.
 */
async function benchRefresh({ db }: Context) {
  const timed = async (run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    return performance.now() - started;
  };
  const stamp = async () =>
    (
      (await db.execute(sql`select refreshed_at::text as at from metrics_state`)) as unknown as {
        at: string;
      }[]
    )[0]?.at;
  const catchUp = await timed(() => refreshMetrics(db, new Date()));
  const before = await stamp();
  const idle = await timed(() => refreshMetrics(db, new Date()));
  const kept = (await stamp()) === before;
  const times: number[] = [];
  for (let i = 0; i < Math.max(1, Math.min(RUNS, 10)); i++) {
    await db
      .transaction(async (tx) => {
        // Events that change figures (an extension, a clarification that stops the clock), so that the
        // refresh has differences to apply to the rollups, not only facts to rewrite unchanged.
        await tx.execute(sql`
          insert into appeal_events (appeal_id, type, actor_role, body_id, occurred_at, data)
          select a.id, case when n % 2 = 0 then 'deadline_extended' else 'clarification_requested' end,
            'official', a.body_id, now(),
            case when n % 2 = 0 then jsonb_build_object('from', a.due_at) else '{"pausesClock": true}'::jsonb end
          from (
            select a.*, row_number() over () as n from appeals a
            where a.status in ('registered', 'in_progress') and a.id > gen_random_uuid()
            order by a.id limit ${CHANGED}
          ) a`);
        times.push(await timed(() => refreshMetrics(tx, new Date())));
        throw new RolledBack();
      })
      .catch((error) => {
        if (!(error instanceof RolledBack)) throw error;
      });
  }
  times.sort((a, b) => a - b);
  console.log(
    `\nIncremental refresh: catching up ${ms(catchUp)} ms; with nothing new ${ms(idle)} ms, refresh stamp ` +
      `${kept ? "kept (no cached figure dropped)" : "MOVED"}; with ${CHANGED} appeals changed, ${times.length} runs ` +
      `(all database work): p50 ${ms(percentile(times, 50))} ms, max ${ms(times.at(-1) ?? Number.NaN)} ms (target ≤ 200 ms).`,
  );
}

/**
 * Public search through listPublicAppeals, as the public appeals page calls it: a common query (tens of
 * thousands of matches), a medium one and a rare one, first page by relevance, with its count.
 */
async function benchSearch({ db, now, region, bodyId }: Context) {
  const queries: [string, PublicAppealFilters][] = [
    ["common: «не работает»", { search: "не работает" }],
    ["common, Kazakh: «жоқ»", { search: "жоқ" }],
    ["medium: «горячей воды» in the region", { search: "горячей воды", region }],
    [
      "medium: «эндокринологу» in the region and category",
      { search: "эндокринологу", region, category: "healthcare" },
    ],
    ["medium: «отопление» in the largest body", { search: "отопление", bodyId }],
    ["rare: «взятка справка» (no public match)", { search: "взятка справка" }],
  ];
  console.log("\n| public search (first page by relevance, with count) | matches | p50 ms | p95 ms |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const [name, filters] of queries) {
    const found = await listPublicAppeals(db, { ...filters, now, countCap: 10_000_000 });
    const t = await measure(() => listPublicAppeals(db, { ...filters, now }), { runs: RUNS, warmup: WARMUP });
    console.log(`| ${name} | ${found.total} | ${ms(t.p50)} | ${ms(t.p95)} |`);
  }
}

/** The public endpoints, through their route handlers in this process, each body read to its end. */
async function benchApi({ db, now, region, publicRows }: Context) {
  const resources = await import("@/app/api/open311/v2/[resource]/route");
  const one = await import("@/app/api/open311/v2/requests/[id]/route");
  const csv = await import("@/app/api/exports/public-appeals.csv/route");
  const json = await import("@/app/api/exports/public-appeals.json/route");
  const metricsCsv = await import("@/app/api/exports/metrics.csv/route");
  const metricsJson = await import("@/app/api/exports/metrics.json/route");
  const [sample] = (await db.execute(
    sql`select number from appeals order by filed_at desc limit 1 offset 500`,
  )) as unknown as { number: string }[];
  const monthAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
  const base = "http://bench.local";
  const ok = async (response: Response) => {
    if (response.status !== 200) throw new Error(`${response.url}: ${response.status}`);
    return response.text();
  };
  const open311 =
    (resource: string, query = "") =>
    async () =>
      ok(
        await resources.GET(new Request(`${base}/api/open311/v2/${resource}${query}`), {
          params: Promise.resolve({ resource }),
        }),
      );
  const id = `${encodeURIComponent(sample?.number ?? "")}.json`;
  const endpoints: [string, () => Promise<string>][] = [
    ["GET open311 services.json", open311("services.json")],
    ["GET open311 requests.json (last 90 days: the 1000 newest)", open311("requests.json")],
    ["GET open311 requests.xml (last 90 days: the 1000 newest)", open311("requests.xml")],
    [
      "GET open311 requests.json?service_code=housing_utilities&status=open",
      open311("requests.json", "?service_code=housing_utilities&status=open"),
    ],
    [
      "GET open311 requests/{id}.json",
      async () =>
        ok(
          await one.GET(new Request(`${base}/api/open311/v2/requests/${id}`), {
            params: Promise.resolve({ id }),
          }),
        ),
    ],
    [
      `GET exports public-appeals.csv?category=roads_transport&from=${monthAgo}`,
      async () => ok(await csv.GET(new Request(`${base}/x?category=roads_transport&from=${monthAgo}`))),
    ],
    [
      `GET exports public-appeals.json?region=${region}&from=${monthAgo}`,
      async () => ok(await json.GET(new Request(`${base}/x?region=${region}&from=${monthAgo}`))),
    ],
    [
      "GET exports metrics.csv?by=body (every body and month, the last twelve months; figure cache)",
      async () => ok(await metricsCsv.GET(new Request(`${base}/x?by=body`))),
    ],
    [
      "GET exports metrics.csv?by=body, computed (its figure cache emptied before each run)",
      async () => {
        await db.execute(sql`delete from metrics_figures_cache where key like 'export:%'`);
        return ok(await metricsCsv.GET(new Request(`${base}/x?by=body`)));
      },
    ],
    [
      "GET exports metrics.json?by=region (every region and month; figure cache)",
      async () => ok(await metricsJson.GET(new Request(`${base}/x?by=region`))),
    ],
  ];
  console.log(
    "\n| API endpoint (route handler in-process, body read to the end) | p50 ms | p95 ms | bytes |",
  );
  console.log("| --- | ---: | ---: | ---: |");
  for (const [name, run] of endpoints) {
    const bytes = Buffer.byteLength(await run());
    const t = await measure(run, { runs: RUNS, warmup: WARMUP });
    console.log(`| ${name} | ${ms(t.p50)} | ${ms(t.p95)} | ${bytes} |`);
  }
  // The whole public set, once: read as a client would, chunk by chunk, never held in memory whole.
  const started = performance.now();
  const reader = (await csv.GET(new Request(`${base}/x`))).body?.getReader();
  let bytes = 0;
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
    bytes += chunk.value.byteLength;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nThe whole public set as CSV: ${publicRows} rows, ${(bytes / 2 ** 20).toFixed(0)} MiB in ${seconds.toFixed(1)} s ` +
      `(${Math.round(publicRows / seconds)} rows/s), streamed 1000 rows at a time.`,
  );
}

/**
 * The body suggested from an appeal's text, on the newest --suggest-appeals appeals (10 000: the held-out
 * evaluation needs no million rows), then retrained on everything, as the nightly job leaves it.
 */
async function benchBodySuggestion(db: Database, now: Date) {
  const limit = Number(flag("--suggest-appeals") ?? 10_000);
  const s = await evaluateBodyModel(db, { now, limit, named: namesPlaceOrAddressee });
  console.log(
    `Body suggestion, trained on ${s.trainedOn}, held out ${s.tested}: accuracy@1 ${s.accuracyAt1.toFixed(3)}, ` +
      `accuracy@3 ${s.accuracyAt3.toFixed(3)}; forwarded appeals (${s.forwarded}): final body in the top 3 ` +
      `${s.forwardedAt3.toFixed(3)}; naming neither place nor addressee (${s.unnamed}): accuracy@1 ` +
      `${s.unnamedAt1.toFixed(3)}, accuracy@3 ${s.unnamedAt3.toFixed(3)}. One suggestion: p50 ` +
      `${s.p50Ms.toFixed(1)} ms, p95 ${s.p95Ms.toFixed(1)} ms.`,
  );
  await trainBodyModel(db, { now });
}

/**
 * The formal-reply detector on the generator's labelled set (docs/metrics.md "Formal replies"), run as in
 * production and rolled back. Target: recall ≥ 0.9 at precision ≥ 0.9.
 */
async function benchFormalReplies(db: Database) {
  const answers = Number(flag("--labelled") ?? 2000);
  const started = performance.now();
  const r = await evaluateFormalReplies(db, labelledAnswers({ answers, bodies: 6, seed: 2026 }));
  const ms = (performance.now() - started) / r.answers;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    `\nFormal replies, labelled set of ${r.answers} answers (${r.labelledFormal} formal): ` +
      `precision ${pct(r.precision)}, recall ${pct(r.recall)} ` +
      `(${r.truePositives} found, ${r.falsePositives} wrongly, ${r.falseNegatives} missed); ` +
      `${ms.toFixed(1)} ms per answer to sign and count. Target: both ≥ 90%: ` +
      `${r.precision >= 0.9 && r.recall >= 0.9 ? "met" : "NOT MET"}.`,
  );
}

async function main() {
  // The JavaScript each page group ships, from the build output: no database for this part.
  if (ONLY === undefined || ONLY === "js") {
    try {
      printPageWeights();
    } catch (error) {
      console.log(`\nJS weight: ${(error as Error).message}`);
    }
    if (ONLY === "js") return;
  }
  const { url, db, close } = await openBenchDatabase();
  // The route handlers take the process-wide pool from DATABASE_URL, as in the running app.
  process.env.DATABASE_URL = url;
  try {
    const [counts] = (await db.execute(sql`
      select (select count(*) from appeals)::int as appeals, (select count(*) from appeal_events)::int as events,
        (select count(*) from appeal_publications where visibility in ('published', 'published_redacted'))::int
          as public,
        (select count(*) from metrics_appeal_facts)::int as facts, version() as version`)) as unknown as {
      appeals: number;
      events: number;
      public: number;
      facts: number;
      version: string;
    }[];
    // The formal-reply part brings its own labelled set and filing makes its own appeals; the rest
    // measures the generated appeals.
    if (!counts) throw new Error("The bench database answered nothing.");
    if (!counts.appeals && ONLY !== "formal" && ONLY !== "filing")
      throw new Error("No appeals here: run `npm run generate -- --appeals 1000000` first.");
    const now = new Date();
    const period = lastTwelveMonths(now);
    const [largest] = (await db.execute(sql`
      select a.body_id, b.region from appeals a join state_bodies b on b.id = a.body_id
      group by a.body_id, b.region order by count(*) desc limit 1`)) as unknown as {
      body_id: string;
      region: RegionCode | null;
    }[];
    const context: Context = {
      db,
      now,
      period,
      bodyId: largest?.body_id ?? "",
      region: largest?.region ?? "almaty_city",
      publicRows: counts.public,
    };
    console.log(
      `Tyndau benchmark: ${counts.appeals} appeals, ${counts.events} events, ${counts.public} public appeals, ` +
        `${counts.facts} appeals in the summaries.\n${os.cpus().length} CPUs, ` +
        `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${counts.version.split(",")[0]}.\n` +
        `Period ${period.from} to ${period.to}; body: the largest; region: ${context.region}. ` +
        `Summary queries and endpoints ${RUNS} runs, GROUP BY baselines ${DIRECT_RUNS}, after warm-up runs.\n`,
    );
    // In this order in one run; `--only <name>` runs one.
    const parts: [string, (c: Context) => Promise<void>][] = [
      ["rebuild", benchRebuild],
      ["refresh", benchRefresh],
      ["dashboards", benchDashboards],
      ["api", benchApi],
      ["search", benchSearch],
      ["suggest", (c) => benchBodySuggestion(c.db, c.now)],
      ["formal", (c) => benchFormalReplies(c.db)],
      ["filing", (c) => benchFiling(c.db, url, { seconds: Number(flag("--filing-seconds") ?? 10) })],
    ];
    for (const [name, run] of parts) {
      if (ONLY === undefined || ONLY === name) await run(context);
    }
  } finally {
    await close();
    const { getDatabase } = await import("@/db/client");
    await getDatabase().$client.end({ timeout: 1 });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
