import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appeals, stateBodies, users } from "@/db/schema";
import { seedStateBodies } from "@/db/seed/state-bodies";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { superiorBodyOf } from "./body-scope";
import { STATE_BODIES } from "./state-bodies-directory";

// The upgrade of a directory the previous version seeded: every agency and the General Prosecutor's Office
// under the Government, no Ministry of Defence, no Administration of the President, old names.
describe("upgrading the directory of an existing database", () => {
  const db = useTestDatabase();
  const idOf = async (code: string) =>
    (await db().select({ id: stateBodies.id }).from(stateBodies).where(eq(stateBodies.code, code)))[0]?.id;

  it("adds the missing bodies and moves the others under their real superior, keeping ids and links", async () => {
    const government = await idOf("government");
    const moved = ["anti-corruption-agency", "competition-agency", "prosecutor-general"];
    await db().update(stateBodies).set({ parentId: government }).where(inArray(stateBodies.code, moved));
    await db()
      .update(stateBodies)
      .set({ nameEn: "Old name" })
      .where(eq(stateBodies.code, "anti-corruption-agency"));
    // Bodies the previous directory did not have: children before parents, as the tree refers to itself.
    const fresh = ["bureau-national-statistics", "strategic-planning-agency", "min-defence"];
    for (const code of fresh) await db().delete(stateBodies).where(eq(stateBodies.code, code));
    const administration = (await idOf("president-administration")) ?? "";
    await db().update(stateBodies).set({ parentId: null }).where(eq(stateBodies.parentId, administration));
    await db().delete(stateBodies).where(eq(stateBodies.id, administration));

    // Links the upgrade must not break: an official of the agency and an appeal to it.
    const agency = await idOf("anti-corruption-agency");
    const official = await createActor(db(), "official", { bodyId: agency });
    const citizen = await createActor(db(), "citizen");
    const { appeal } = await fileAppeal(db(), {
      kind: "application",
      bodyId: agency ?? "",
      category: "corruption",
      region: "astana",
      subject: "A bribe asked at the permit office",
      text: "The clerk asked for money to speed up a building permit; I have the messages he sent.",
      publishConsent: false,
      locale: "en",
      authorId: citizen.id,
      now: new Date("2026-11-10T05:00:00Z"),
    });

    await seedStateBodies(db());

    expect(await idOf("anti-corruption-agency")).toBe(agency);
    expect((await db().select().from(users).where(eq(users.id, official.id)))[0]?.bodyId).toBe(agency);
    expect((await db().select().from(appeals).where(eq(appeals.id, appeal.id)))[0]?.bodyId).toBe(agency);
    for (const code of ["president-administration", ...fresh]) expect(await idOf(code), code).toBeDefined();

    // A complaint about the agency now reaches the Administration of the President, not the Government.
    expect(await superiorBodyOf(db(), agency ?? "")).toBe(await idOf("president-administration"));
    expect(await superiorBodyOf(db(), (await idOf("competition-agency")) ?? "")).toBe(
      await idOf("president-administration"),
    );
    expect(await superiorBodyOf(db(), (await idOf("prosecutor-general")) ?? "")).toBeNull();
    expect(await superiorBodyOf(db(), (await idOf("bureau-national-statistics")) ?? "")).toBe(
      await idOf("strategic-planning-agency"),
    );
    const [renamed] = await db()
      .select()
      .from(stateBodies)
      .where(eq(stateBodies.code, "anti-corruption-agency"));
    expect(renamed?.nameEn).toBe(STATE_BODIES.find((b) => b.code === "anti-corruption-agency")?.name.en);

    // Every body of the data is in the database under the parent the data names.
    const rows = await db().select().from(stateBodies);
    const codeOfId = new Map(rows.map((r) => [r.id, r.code]));
    const parentOf = new Map(rows.map((r) => [r.code, r.parentId ? codeOfId.get(r.parentId) : null]));
    for (const b of STATE_BODIES) expect(parentOf.get(b.code), b.code).toBe(b.parentCode);
  });
});
