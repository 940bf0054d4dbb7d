// `npm run bench`: how fast the dashboards and the public API answer on the generated data (not a test).
import os from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { RegionCode } from "@/server/directory/regions";
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
import { lastTwelveMonths } from "@/server/metrics/period";
import { flag, openBenchDatabase } from "./bench-database";

const RUNS = Number(flag("--runs") ?? 30);
const DIRECT_RUNS = Number(flag("--direct-runs") ?? 10);
const WARMUP = Number(flag("--warmup") ?? 3);

type Timing = { p50: number; p95: number; runs: number };

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
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs: o.runs };
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const times = (n: number) => `${n >= 100 ? n.toFixed(0) : n.toFixed(1)}×`;

async function main() {
  const { url, db, close } = await openBenchDatabase();
  // The route handlers take the process-wide pool from DATABASE_URL, as in the running app.
  process.env.DATABASE_URL = url;
  try {
    const [counts] = (await db.execute(sql`
      select (select count(*) from appeals)::int as appeals, (select count(*) from appeal_events)::int as events,
        (select count(*) from appeal_publications where visibility in ('published', 'published_redacted'))::int as public,
        (select count(*) from metrics_appeal_facts)::int as facts, version() as version`)) as unknown as {
      appeals: number;
      events: number;
      public: number;
      facts: number;
      version: string;
    }[];
    if (!counts?.appeals)
      throw new Error("No appeals here: run `npm run generate -- --appeals 1000000` first.");
    const now = new Date();
    const period = lastTwelveMonths(now);
    const [big] = (await db.execute(sql`
      select a.body_id, b.region from appeals a join state_bodies b on b.id = a.body_id
      group by a.body_id, b.region order by count(*) desc limit 1`)) as unknown as {
      body_id: string;
      region: RegionCode | null;
    }[];
    const bodyId = big?.body_id ?? "";
    const region: RegionCode = big?.region ?? "almaty_city";
    const direct = { now, formal: false };

    console.log(
      `Tyndau benchmark — ${counts.appeals} appeals, ${counts.events} events, ${counts.public} public appeals; ` +
        `${counts.facts} appeals in the summaries\n${os.cpus().length} CPUs, ` +
        `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${counts.version.split(",")[0]}\n` +
        `Period ${period.from} … ${period.to}; body: the largest; region: ${region}. ` +
        `Summary queries ${RUNS} runs, direct ${DIRECT_RUNS} runs, after ${WARMUP} warm-up runs each.\n`,
    );

    const dashboard: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
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
      [
        "monthlyTrend",
        () => monthlyTrend(db, { period }),
        () => monthlyTrendDirect(db, { period, ...direct }),
      ],
      [
        "categoryBreakdown",
        () => categoryBreakdown(db, { period }),
        () => categoryBreakdownDirect(db, { period, ...direct }),
      ],
      [
        "metricsByMonth (body)",
        () => metricsByMonth(db, { period, by: "body" }),
        () => metricsByMonthDirect(db, { period, by: "body", ...direct }),
      ],
    ];
    console.log(
      "| dashboard query | summary p50 ms | summary p95 ms | GROUP BY p50 ms | GROUP BY p95 ms | ×p50 | ×p95 |",
    );
    console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const [name, fast, slow] of dashboard) {
      const s = await measure(fast, { runs: RUNS, warmup: WARMUP });
      const d = await measure(slow, { runs: DIRECT_RUNS, warmup: Math.min(WARMUP, 1) });
      console.log(
        `| ${name} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(d.p50)} | ${ms(d.p95)} | ${times(d.p50 / s.p50)} | ${times(d.p95 / s.p95)} |`,
      );
    }

    const resources = await import("@/app/api/open311/v2/[resource]/route");
    const one = await import("@/app/api/open311/v2/requests/[id]/route");
    const csv = await import("@/app/api/exports/public-appeals.csv/route");
    const json = await import("@/app/api/exports/public-appeals.json/route");
    const [sample] = (await db.execute(
      sql`select number from appeals order by filed_at desc limit 1 offset 500`,
    )) as unknown as { number: string }[];
    const monthAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    const base = "http://bench.local";
    const open311 =
      (resource: string, query = "") =>
      async () => {
        const response = await resources.GET(new Request(`${base}/api/open311/v2/${resource}${query}`), {
          params: Promise.resolve({ resource }),
        });
        if (response.status !== 200) throw new Error(`${resource}${query}: ${response.status}`);
        return response.text();
      };
    const endpoints: [string, () => Promise<unknown>][] = [
      ["GET open311 services.json", open311("services.json")],
      ["GET open311 requests.json (last 90 days, 1000 newest)", open311("requests.json")],
      ["GET open311 requests.xml (last 90 days, 1000 newest)", open311("requests.xml")],
      [
        "GET open311 requests.json?service_code=housing_utilities&status=open",
        open311("requests.json", "?service_code=housing_utilities&status=open"),
      ],
      [
        "GET open311 requests/{id}.json",
        async () => {
          const id = `${encodeURIComponent(sample?.number ?? "")}.json`;
          const response = await one.GET(new Request(`${base}/api/open311/v2/requests/${id}`), {
            params: Promise.resolve({ id }),
          });
          if (response.status !== 200) throw new Error(`requests/{id}: ${response.status}`);
          return response.text();
        },
      ],
      [
        `GET exports public-appeals.csv?category=roads_transport&from=${monthAgo}`,
        async () =>
          (await csv.GET(new Request(`${base}/x?category=roads_transport&from=${monthAgo}`))).text(),
      ],
      [
        `GET exports public-appeals.json?region=${region}&from=${monthAgo}`,
        async () => (await json.GET(new Request(`${base}/x?region=${region}&from=${monthAgo}`))).text(),
      ],
    ];
    console.log(
      "\n| API endpoint (in-process route handler, body read to the end) | p50 ms | p95 ms | bytes |",
    );
    console.log("| --- | ---: | ---: | ---: |");
    for (const [name, run] of endpoints) {
      const bytes = String(await run()).length;
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
      `\nWhole public set as CSV: ${counts.public} rows, ${(bytes / 2 ** 20).toFixed(0)} MiB in ${seconds.toFixed(1)} s ` +
        `(${Math.round(counts.public / seconds)} rows/s), streamed 1000 rows at a time.`,
    );
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
