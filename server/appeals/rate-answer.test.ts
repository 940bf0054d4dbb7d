import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealEvents, appealRatings } from "@/db/schema";
import { createActor } from "@/test/actors";
import { answer, citizenWithAppeal } from "@/test/citizen-fixtures";
import { useTestDatabase } from "@/test/database";
import { almaty } from "@/test/official-fixtures";
import { rateAnswer } from "./rate-answer";

describe("rating an answer", () => {
  const db = useTestDatabase();

  it("records the applicant's rating once, with an event", async () => {
    const { citizen, appeal } = await citizenWithAppeal(db());
    await answer(db(), appeal.id, almaty("2026-11-20T12:00:00"));
    const rating = {
      appealId: appeal.id,
      citizenId: citizen.id,
      outcome: "partly",
      quality: 3,
      heard: false,
    } as const;
    await rateAnswer(db(), rating);
    const [row] = await db().select().from(appealRatings).where(eq(appealRatings.appealId, appeal.id));
    expect(row).toMatchObject({ outcome: "partly", quality: 3, heard: false });
    const events = await db().select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id));
    expect(events.at(-1)).toMatchObject({
      type: "rated",
      actorRole: "citizen",
      data: { outcome: "partly", quality: 3, heard: false },
    });
    await expect(rateAnswer(db(), { ...rating, quality: 5 })).rejects.toMatchObject({
      code: "BAD_TRANSITION",
    });
  });

  it("refuses before an answer, and for someone else's appeal", async () => {
    const { citizen, appeal } = await citizenWithAppeal(db());
    const rating = {
      appealId: appeal.id,
      citizenId: citizen.id,
      outcome: "resolved",
      quality: 5,
      heard: true,
    } as const;
    await expect(rateAnswer(db(), rating)).rejects.toMatchObject({ code: "BAD_TRANSITION" });
    await answer(db(), appeal.id, almaty("2026-11-20T12:00:00"));
    const other = await createActor(db(), "citizen");
    await expect(rateAnswer(db(), { ...rating, citizenId: other.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db().select().from(appealRatings).where(eq(appealRatings.appealId, appeal.id))).toEqual([]);
  });
});
