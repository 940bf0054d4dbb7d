import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { refreshMetrics } from "@/server/metrics/refresh-metrics";
import { fieldErrorsOf as formatFieldErrors } from "@/server/validation";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal } from "@/test/official-fixtures";

// The formatter's shape without going over HTTP: the ZodError cause is what it turns into fieldErrors.
async function fieldErrorsOf(p: Promise<unknown>) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  return formatFieldErrors((error as TRPCError).cause as ZodError);
}

describe("the public dashboard procedures", () => {
  const db = useTestDatabase();
  const period = { from: "2026-03", to: "2026-03" };

  it("give anyone, signed in or not, figures and never an appeal", async () => {
    await fileTestAppeal(db(), { filedAt: almaty("2026-03-10T10:00:00") });
    await refreshMetrics(db(), almaty("2026-03-11T10:00:00"));
    for (const user of [null, await createActor(db(), "citizen")]) {
      const caller = callerFor(db(), user);
      expect((await caller.metrics.overview({ period })).counts.received).toBe(1);
      const league = await caller.metrics.league({ period, sort: "received" });
      expect(league.map((r) => [r.code, r.received, r.small])).toEqual([["akimat-almaty-city", 1, true]]);
      const body = await caller.metrics.body({ code: "akimat-almaty-city", period });
      expect(body.metrics.counts.received).toBe(1);
      expect(JSON.stringify(body)).not.toContain("hot water");
      const region = await caller.metrics.region({ code: "almaty_city", period });
      expect(region.bodies.map((b) => b.code)).toEqual(["akimat-almaty-city"]);
      const map = await caller.metrics.map({ period, metric: "received" });
      expect(map.find((r) => r.region === "almaty_city")?.value).toBe(1);
    }
  });

  it("answers NOT_FOUND for an unknown body and BAD_REQUEST with field errors for bad input", async () => {
    const caller = callerFor(db(), null);
    await expect(caller.metrics.body({ code: "no-such-body", period })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const bad = [
      () => caller.metrics.league({ period, sort: "name" as never }),
      () => caller.metrics.map({ period, metric: "everything" as never }),
      () => caller.metrics.region({ code: "atlantis" as never, period }),
      () => caller.metrics.overview({ period: { from: "2020-01", to: "2026-03" } }),
      () => caller.metrics.overview({ period: { from: "March", to: "2026-03" } }),
    ];
    for (const call of bad) {
      expect(Object.keys(await fieldErrorsOf(call()))).not.toHaveLength(0);
    }
  });
});
