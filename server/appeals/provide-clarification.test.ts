import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appealEvents, attachments } from "@/db/schema";
import { createActor } from "@/test/actors";
import { askToClarify, citizenWithAppeal, PDF } from "@/test/citizen-fixtures";
import { useTestDatabase } from "@/test/database";
import { almaty } from "@/test/official-fixtures";
import { allowClarificationPause } from "@/test/pause-policy";
import { provideClarification } from "./provide-clarification";

describe("the applicant clarifies an appeal", () => {
  const db = useTestDatabase();
  // The clock stops only where an administrator switched pausing on.
  beforeAll(() => allowClarificationPause(db()));

  it("resumes a stopped clock: the body gets back the working days it waited", async () => {
    const { citizen, appeal } = await citizenWithAppeal(db());
    // Asked Thu 12 Nov, answered Wed 18 Nov: working days in (12 Nov, 18 Nov] are 13, 16, 17, 18 = 4.
    await askToClarify(db(), appeal.id, almaty("2026-11-12T11:00:00"));
    const updated = await provideClarification(db(), {
      appealId: appeal.id,
      citizenId: citizen.id,
      reply: "The second entrance, flats 20 to 40.",
      attachments: [{ fileName: "photo.pdf", bytes: PDF }],
      now: almaty("2026-11-18T15:00:00"),
    });
    // Due Tue 1 Dec + 4 working days: 2, 3, 4, 7 Dec → Mon 7 Dec, end of day in Almaty.
    expect(updated.dueAt.toISOString()).toBe("2026-12-07T18:59:59.999Z");
    expect(updated.status).toBe("in_progress");
    expect(updated.pausedAt).toBeNull();
    const [event] = await db()
      .select()
      .from(appealEvents)
      .where(eq(appealEvents.appealId, appeal.id))
      .orderBy(appealEvents.id)
      .then((rows) => rows.filter((e) => e.type === "clarification_provided"));
    expect(event?.actorRole).toBe("citizen");
    expect(event?.data).toMatchObject({
      reply: "The second entrance, flats 20 to 40.",
      dueAt: "2026-12-07T18:59:59.999Z",
      previousDueAt: "2026-12-01T18:59:59.999Z",
      attachments: 1,
    });
    const files = await db().select().from(attachments).where(eq(attachments.appealId, appeal.id));
    expect(files.map((f) => [f.fileName, f.eventId, f.uploadedById])).toEqual([
      ["photo.pdf", event?.id, citizen.id],
    ]);
  });

  it("keeps the deadline when the clock did not stop", async () => {
    // Asked after the deadline had passed: the term cannot be stopped any more.
    const { citizen, appeal } = await citizenWithAppeal(db());
    await askToClarify(db(), appeal.id, almaty("2026-12-03T11:00:00"));
    const updated = await provideClarification(db(), {
      appealId: appeal.id,
      citizenId: citizen.id,
      reply: "The second entrance.",
      now: almaty("2026-12-08T11:00:00"),
    });
    expect(updated.dueAt.toISOString()).toBe("2026-12-01T18:59:59.999Z");
  });

  it("refuses when nothing was asked, twice, or for someone else's appeal", async () => {
    const { citizen, appeal } = await citizenWithAppeal(db());
    const reply = { appealId: appeal.id, citizenId: citizen.id, reply: "More details." };
    await expect(provideClarification(db(), reply)).rejects.toMatchObject({ code: "BAD_TRANSITION" });
    await askToClarify(db(), appeal.id, almaty("2026-11-12T11:00:00"));
    const other = await createActor(db(), "citizen");
    await expect(provideClarification(db(), { ...reply, citizenId: other.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await provideClarification(db(), reply);
    await expect(provideClarification(db(), reply)).rejects.toMatchObject({ code: "BAD_TRANSITION" });
  });

  it("refuses a file that is not PDF, JPEG or PNG and changes nothing", async () => {
    const { citizen, appeal } = await citizenWithAppeal(db());
    await askToClarify(db(), appeal.id, almaty("2026-11-12T11:00:00"));
    await expect(
      provideClarification(db(), {
        appealId: appeal.id,
        citizenId: citizen.id,
        reply: "See the file.",
        attachments: [{ fileName: "x.pdf", bytes: Buffer.from("MZ not a pdf") }],
      }),
    ).rejects.toMatchObject({ code: "BAD_ATTACHMENT" });
    const events = await db().select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id));
    expect(events.map((e) => e.type)).toEqual(["registered", "clarification_requested"]);
  });
});
