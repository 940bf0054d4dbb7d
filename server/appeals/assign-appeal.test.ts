import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealEvents, users } from "@/db/schema";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty, bodyIdOf, fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { answerAppeal } from "./answer-appeal";
import { assignAppeal, listExecutors } from "./assign-appeal";

describe("assigning an appeal to an executor", () => {
  const db = useTestDatabase();
  const filedAt = almaty("2026-11-10T10:00:00");

  it("puts a new appeal in the hands of an official of the same body and records who", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const { user: executor } = await officialOf(db(), "akimat-almaty-city", "Ержан Executor");
    const appeal = await fileTestAppeal(db(), { filedAt });
    const assigned = await assignAppeal(db(), {
      appealId: appeal.id,
      executorId: executor.id,
      official: acting,
    });
    expect(assigned.status).toBe("in_progress");
    expect(assigned.executorId).toBe(executor.id);
    const events = await db().select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id));
    expect(events.map((e) => e.type)).toEqual(["registered", "assigned"]);
    expect(events[1]?.data).toEqual({ executorId: executor.id, executorName: "Ержан Executor" });
    expect(events[1]?.actorId).toBe(acting.id);
  });

  it("lets an appeal in progress be handed to someone else", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const { user: first } = await officialOf(db(), "akimat-almaty-city");
    const { user: second } = await officialOf(db(), "akimat-almaty-city");
    const appeal = await fileTestAppeal(db(), { filedAt });
    await assignAppeal(db(), { appealId: appeal.id, executorId: first.id, official: acting });
    const again = await assignAppeal(db(), { appealId: appeal.id, executorId: second.id, official: acting });
    expect(again.executorId).toBe(second.id);
  });

  it("refuses an executor from another body, a citizen and a disabled official", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const { user: astana } = await officialOf(db(), "akimat-astana");
    const citizen = await createActor(db(), "citizen");
    const { user: gone } = await officialOf(db(), "akimat-almaty-city");
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id));
    const appeal = await fileTestAppeal(db(), { filedAt });
    for (const executorId of [astana.id, citizen.id, gone.id]) {
      await expect(
        assignAppeal(db(), { appealId: appeal.id, executorId, official: acting }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("lets only the body holding the appeal assign it", async () => {
    const { acting: astana, user: astanaUser } = await officialOf(db(), "akimat-astana");
    const appeal = await fileTestAppeal(db(), { filedAt });
    await expect(
      assignAppeal(db(), { appealId: appeal.id, executorId: astanaUser.id, official: astana }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses to assign an answered appeal", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const appeal = await fileTestAppeal(db(), { filedAt });
    await answerAppeal(db(), {
      appealId: appeal.id,
      decision: "satisfied",
      text: "Hot water was restored on 12 November after the pipe on Abai Ave was replaced.",
      legalGrounds: "APPC Art. 76",
      appealRights: "You may complain to the superior body or to court.",
      official: acting,
      now: almaty("2026-11-12T10:00:00"),
    });
    await expect(
      assignAppeal(db(), { appealId: appeal.id, executorId: acting.id, official: acting }),
    ).rejects.toMatchObject({ code: "BAD_TRANSITION" });
  });

  it("lists as executors only the active officials of the body", async () => {
    const bodyId = await bodyIdOf(db(), "akimat-shymkent");
    await createActor(db(), "official", { bodyId, fullName: "Б Official" });
    await createActor(db(), "official", { bodyId, fullName: "А Official" });
    await createActor(db(), "moderator", { bodyId, fullName: "Moderator in the body" });
    expect((await listExecutors(db(), { bodyId })).map((e) => e.fullName)).toEqual([
      "А Official",
      "Б Official",
    ]);
  });
});
