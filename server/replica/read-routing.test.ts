import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";
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
});
