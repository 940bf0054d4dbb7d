import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealSupports } from "@/db/schema";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";
import { supportAppeal } from "./support-appeal";

describe("supporting a public appeal", () => {
  const db = useTestDatabase();

  it("counts a citizen once, however many times and however fast they press", async () => {
    const { appeal } = await filePublicAppeal(db(), { state: "published" });
    const citizen = await createActor(db(), "citizen");
    const results = await Promise.all(
      Array.from({ length: 20 }, () => supportAppeal(db(), { number: appeal.number, citizenId: citizen.id })),
    );
    expect(new Set(results.map((r) => r.supportCount))).toEqual(new Set([1]));
    const rows = await db().select().from(appealSupports).where(eq(appealSupports.appealId, appeal.id));
    expect(rows.map((r) => r.userId)).toEqual([citizen.id]);

    const another = await createActor(db(), "citizen");
    expect(await supportAppeal(db(), { number: appeal.number, citizenId: another.id })).toEqual({
      supportCount: 2,
      supported: true,
    });
  });

  it("supports a redacted appeal like any public one", async () => {
    const { appeal } = await filePublicAppeal(db(), {
      state: "published_redacted",
      redact: ["swings"],
    });
    const citizen = await createActor(db(), "citizen");
    expect((await supportAppeal(db(), { number: appeal.number, citizenId: citizen.id })).supportCount).toBe(
      1,
    );
  });

  it("refuses the author's own support: it would only inflate the count", async () => {
    const { appeal, author } = await filePublicAppeal(db(), { state: "published" });
    await expect(supportAppeal(db(), { number: appeal.number, citizenId: author.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("finds nothing to support in an appeal that is pending, declined or hidden", async () => {
    const citizen = await createActor(db(), "citizen");
    for (const state of ["pending", "declined", "hidden"] as const) {
      const { appeal } = await filePublicAppeal(db(), { state });
      await expect(
        supportAppeal(db(), { number: appeal.number, citizenId: citizen.id }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db().select().from(appealSupports).where(eq(appealSupports.appealId, appeal.id))).toEqual(
        [],
      );
    }
  });
});
