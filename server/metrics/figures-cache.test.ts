import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { metricsFiguresCache } from "@/db/schema";
import { callerFor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal } from "@/test/official-fixtures";
import { cachedFigures } from "./figures-cache";
import { refreshMetrics } from "./refresh-metrics";

describe("the dashboard figures cache", () => {
  const db = useTestDatabase();
  const counting = () => {
    let calls = 0;
    return { compute: async () => ({ calls: ++calls }), calls: () => calls };
  };

  it("computes every time before the first refresh, then once per refresh, and drops what a refresh made stale", async () => {
    const figure = counting();
    await cachedFigures(db(), "k", figure.compute);
    expect(await cachedFigures(db(), "k", figure.compute)).toEqual({ calls: 2 });

    await refreshMetrics(db(), almaty("2026-03-11T10:00:00"));
    expect(await cachedFigures(db(), "k", figure.compute)).toEqual({ calls: 3 });
    expect(await cachedFigures(db(), "k", figure.compute)).toEqual({ calls: 3 });
    await cachedFigures(db(), "other", figure.compute);
    expect(await db().$count(metricsFiguresCache)).toBe(2);

    // Nothing happened since: the refresh keeps the stamp, and every cached figure stays.
    await refreshMetrics(db(), almaty("2026-03-11T10:01:00"));
    expect(await db().$count(metricsFiguresCache)).toBe(2);
    expect(await cachedFigures(db(), "k", figure.compute)).toEqual({ calls: 3 });

    await fileTestAppeal(db(), { filedAt: almaty("2026-03-11T10:01:30") });
    await refreshMetrics(db(), almaty("2026-03-11T10:02:00"));
    expect(await db().$count(metricsFiguresCache)).toBe(0);
    expect(await cachedFigures(db(), "k", figure.compute)).toEqual({ calls: 5 });
    expect(figure.calls()).toBe(5);
  });

  it("never keeps a figure under a refresh newer than the one it was computed after", async () => {
    await refreshMetrics(db(), almaty("2026-03-12T10:00:00"));
    // A refresh commits while the figure is being computed: stored under the earlier refresh, it is not served.
    const computedDuringRefresh = async () => {
      await fileTestAppeal(db(), { filedAt: almaty("2026-03-12T10:00:30") });
      await refreshMetrics(db(), almaty("2026-03-12T10:01:00"));
      return { when: "during" };
    };
    expect(await cachedFigures(db(), "race", computedDuringRefresh)).toEqual({ when: "during" });
    expect(await cachedFigures(db(), "race", async () => ({ when: "after" }))).toEqual({ when: "after" });
  });

  it("gives every dashboard procedure the same figures from the cache as computed, and new ones after a refresh", async () => {
    const period = { from: "2026-03", to: "2026-03" };
    await fileTestAppeal(db(), { filedAt: almaty("2026-03-10T10:00:00") });
    await refreshMetrics(db(), almaty("2026-03-13T10:00:00"));
    const caller = callerFor(db(), null);
    const all = () =>
      Promise.all([
        caller.metrics.overview({ period }),
        caller.metrics.league({ period, sort: "onTimeRate", order: "asc" }),
        caller.metrics.map({ period, metric: "medianDays" }),
        caller.metrics.trend({ period }),
        caller.metrics.body({ code: "akimat-almaty-city", period }),
        caller.metrics.region({ code: "almaty_city", period }),
        caller.metrics.answers({ period }),
      ]);
    const computed = await all();
    // Seven procedures, and the body's page keeps its answer figures under a key of their own.
    expect(await db().$count(metricsFiguresCache)).toBe(8);
    expect(await all()).toEqual(computed);

    await fileTestAppeal(db(), { filedAt: almaty("2026-03-10T11:00:00") });
    await refreshMetrics(db(), almaty("2026-03-13T10:01:00"));
    const [overview] = await all();
    expect(overview.counts.received).toBe(computed[0].counts.received + 1);
  });

  it("keeps the stamp when nothing changed, and moves it for a new event, a passed deadline or a new day", async () => {
    const stamp = async () =>
      (await db().execute<{ at: string }>(sql`select refreshed_at::text as at from metrics_state`))[0]?.at;
    await fileTestAppeal(db(), { filedAt: almaty("2026-03-16T09:00:00") });
    await refreshMetrics(db(), almaty("2026-03-16T09:05:00"));
    const first = await stamp();
    // Looked at again (its events are recent), the appeal's figures are the same: the stamp stays.
    await refreshMetrics(db(), almaty("2026-03-16T09:06:00"));
    expect(await stamp()).toBe(first);
    await fileTestAppeal(db(), { filedAt: almaty("2026-03-16T10:01:30") });
    await refreshMetrics(db(), almaty("2026-03-16T10:02:00"));
    const second = await stamp();
    expect(second).not.toBe(first);
    await refreshMetrics(db(), almaty("2026-03-16T10:03:00"));
    expect(await stamp()).toBe(second);
    // A new day in Almaty: ages and days overdue grow, so the figures are new.
    await refreshMetrics(db(), almaty("2026-03-17T08:00:00"));
    expect(await stamp()).not.toBe(second);
  });
});
