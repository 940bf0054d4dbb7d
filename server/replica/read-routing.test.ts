import { afterAll, describe, expect, it, vi } from "vitest";
import { createDatabase, getReadDatabase, isReplica } from "@/db/client";
import { metricsFiguresCache } from "@/db/schema";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty } from "@/test/official-fixtures";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";
import { cachedFigures } from "../metrics/figures-cache";
import { refreshMetrics } from "../metrics/refresh-metrics";
import { createCaller } from "../routers/_app";
import { replicaLag } from "./replica-lag";

describe("public reads from the replica (DATABASE_READ_URL)", () => {
  const db = useTestDatabase();
  // Nothing listens on port 1: a read sent to this handle fails, so a success proves it went elsewhere.
  const unreachable = createDatabase("postgres://nobody:secret-password@127.0.0.1:1/tyndau_gone", { max: 1 });
  afterAll(() => unreachable.$client.end({ timeout: 0 }));

  const publicReads = (caller: ReturnType<typeof createCaller>, number: string) => [
    () => caller.publicAppeals.list({ region: "pavlodar" }),
    () => caller.publicAppeals.get({ number }),
    () => caller.metrics.overview({}),
    () => caller.metrics.answers({}),
    () => caller.directory.list({ locale: "kk" }),
    () => caller.replica.lag(),
  ];

  it("sends an anonymous reader's public reads to the read handle", async () => {
    const { appeal } = await filePublicAppeal(db(), { state: "published", region: "pavlodar" });
    const caller = createCaller({ db: db(), readDb: unreachable, user: null });
    for (const call of publicReads(caller, appeal.number))
      await expect(call()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
  });

  it("reads the primary for a signed-in caller, who must see at once what they have just done", async () => {
    const { appeal, author } = await filePublicAppeal(db(), { state: "published", region: "pavlodar" });
    for (const user of [author, await createActor(db(), "moderator")]) {
      const caller = createCaller({ db: db(), readDb: unreachable, user });
      for (const call of publicReads(caller, appeal.number)) await call();
      expect(await caller.replica.lag()).toBeNull();
    }
  });

  it("says nothing of a delay when the reads come from the primary", async () => {
    expect(await replicaLag(db())).toBeNull();
    const caller = createCaller({ db: db(), user: null });
    expect(await caller.replica.lag()).toBeNull();
  });

  it("computes figures on a replica, where the unlogged figure cache is not, and stores none", async () => {
    vi.stubEnv("DATABASE_READ_URL", db.url());
    try {
      const replica = getReadDatabase();
      expect(isReplica(replica)).toBe(true);
      expect(isReplica(db())).toBe(false);
      await refreshMetrics(db(), almaty("2026-03-11T10:00:00"));
      let calls = 0;
      const compute = async () => ({ calls: ++calls });
      await cachedFigures(replica, "on-replica", compute);
      expect(await cachedFigures(replica, "on-replica", compute)).toEqual({ calls: 2 });
      expect(await db().$count(metricsFiguresCache)).toBe(0);
      await replica.$client.end();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
