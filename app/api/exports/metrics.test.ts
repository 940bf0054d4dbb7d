import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { refreshMetrics } from "@/server/metrics/refresh-metrics";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal } from "@/test/official-fixtures";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: () => state.db,
  getReadDatabase: () => state.db,
}));

const csvRoute = await import("./metrics.csv/route");
const jsonRoute = await import("./metrics.json/route");

describe("the metrics as open data", () => {
  const db = useTestDatabase();
  const url = (file: string, query: string) => new Request(`http://localhost/api/exports/${file}?${query}`);

  beforeAll(async () => {
    state.db = db();
    await fileTestAppeal(db(), { filedAt: almaty("2026-03-10T10:00:00") });
    await fileTestAppeal(db(), { filedAt: almaty("2026-04-10T10:00:00") });
    await refreshMetrics(db(), almaty("2026-04-30T10:00:00"));
  });

  it("downloads one CSV row per body and month, with the documented columns", async () => {
    const response = await csvRoute.GET(url("metrics.csv", "from=2026-03&to=2026-04"));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    // A UTF-8 byte-order mark first, for spreadsheets (text() below drops it, as a decoder should).
    expect([...new Uint8Array(await response.clone().arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = (await response.text()).trimEnd().split("\r\n");
    const header = lines[0]?.split(",") ?? [];
    expect(header.slice(0, 8)).toEqual([
      "month",
      "body_code",
      "body_name_kk",
      "body_name_ru",
      "body_name_en",
      "region",
      "received",
      "application",
    ]);
    expect(header).toEqual(expect.arrayContaining(["response_rate", "answer_days_median", "heard_share"]));
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(",").map((v, i) => [header[i], v])));
    // March's appeal was due 31 March and is unanswered on 30 April: due, overdue, not answered.
    expect(rows.map((r) => [r.month, r.body_code, r.received, r.due, r.overdue, r.response_rate])).toEqual([
      ["2026-03", "akimat-almaty-city", "1", "1", "1", "0"],
      ["2026-04", "akimat-almaty-city", "1", "0", "0", ""],
    ]);
  });

  it("gives the same figures by region in JSON, and refuses a bad query", async () => {
    const response = await jsonRoute.GET(url("metrics.json", "from=2026-03&to=2026-03&by=region"));
    const body = await response.json();
    expect(body.rows).toEqual([
      expect.objectContaining({ month: "2026-03", region: "almaty_city", received: 1 }),
    ]);
    for (const query of ["from=2026-04&to=2026-03", "by=category", "from=2026-3&to=2026-04"]) {
      expect((await jsonRoute.GET(url("metrics.json", query))).status).toBe(400);
      expect((await csvRoute.GET(url("metrics.csv", query))).status).toBe(400);
    }
  });

  it("serves the same file until the summaries are next refreshed, then the new figures", async () => {
    const received = async () => {
      const body = await (
        await jsonRoute.GET(url("metrics.json", "from=2026-03&to=2026-04&by=region"))
      ).json();
      return body.rows.map((r: { month: string; received: number }) => [r.month, r.received]);
    };
    expect(await received()).toEqual([
      ["2026-03", 1],
      ["2026-04", 1],
    ]);
    // Kept: a change to the summaries behind the refresh's back is not read.
    await db().execute(sql`update metrics_body_monthly set received = received + 100`);
    expect(await received()).toEqual([
      ["2026-03", 1],
      ["2026-04", 1],
    ]);
    await db().execute(sql`update metrics_body_monthly set received = received - 100`);
    await fileTestAppeal(db(), { filedAt: almaty("2026-04-20T10:00:00") });
    // Filed, not yet in the summaries: the figures stay those of the last refresh.
    expect(await received()).toEqual([
      ["2026-03", 1],
      ["2026-04", 1],
    ]);
    await refreshMetrics(db(), almaty("2026-04-30T10:05:00"));
    expect(await received()).toEqual([
      ["2026-03", 1],
      ["2026-04", 2],
    ]);
  });
});
