import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealEvents, appeals } from "@/db/schema";
import { superiorBodyOf } from "@/server/directory/body-scope";
import { createActor } from "@/test/actors";
import { answer, citizenWithAppeal } from "@/test/citizen-fixtures";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal } from "@/test/official-fixtures";
import { fileComplaint } from "./file-complaint";
import { getTimeline } from "./get-timeline";

describe("complaining through the body to the superior body (APPC Art. 91(4))", () => {
  const db = useTestDatabase();
  const complaintOf = (appealId: string, citizenId: string, now: Date, key = randomUUID()) => ({
    appealId,
    citizenId,
    text: "The answer ignores the facts I gave: the pipe was never repaired.",
    publishConsent: true,
    locale: "en" as const,
    idempotencyKey: key,
    now,
  });

  it("files a complaint about an answer through the body that gave it, addressed to its superior", async () => {
    const { citizen, appeal } = await citizenWithAppeal(db());
    await answer(db(), appeal.id, almaty("2026-11-20T12:00:00"));
    const complaint = await fileComplaint(
      db(),
      complaintOf(appeal.id, citizen.id, almaty("2026-11-23T10:00:00")),
    );

    expect(complaint).toMatchObject({
      kind: "complaint",
      // Filed through the body complained about, which may satisfy it itself or pass it up.
      bodyId: appeal.bodyId,
      complaintOfId: appeal.id,
      authorId: citizen.id,
      category: appeal.category,
      subject: `${appeal.number}: ${appeal.subject}`,
      status: "registered",
    });
    const events = await db().select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id));
    expect(events.at(-1)).toMatchObject({
      type: "complaint_filed",
      actorRole: "citizen",
      data: {
        complaintId: complaint.id,
        grounds: "answer",
        throughBodyId: appeal.bodyId,
        toBodyId: await superiorBodyOf(db(), appeal.bodyId),
      },
    });
    const timeline = await getTimeline(db(), appeal.id);
    expect(timeline.at(-1)?.toBody?.id).toBe(await superiorBodyOf(db(), appeal.bodyId));
    expect(timeline.at(-1)?.relatedNumber).toBe(complaint.number);
  });

  it("asks the complaint's own consent to publish, never copying the original's", async () => {
    const { citizen, appeal } = await citizenWithAppeal(db());
    await db().update(appeals).set({ publishConsent: true }).where(eq(appeals.id, appeal.id));
    await answer(db(), appeal.id, almaty("2026-11-20T12:00:00"));
    const complaint = await fileComplaint(db(), {
      ...complaintOf(appeal.id, citizen.id, almaty("2026-11-23T10:00:00")),
      publishConsent: false,
    });
    expect(complaint.publishConsent).toBe(false);
  });

  it("offers the complaint in one step once the deadline passed without an answer (APPC Art. 91(2))", async () => {
    const { citizen, appeal } = await citizenWithAppeal(db());
    // Due Tue 1 Dec 2026; on Wed 2 Dec the silence counts as a refusal.
    await expect(
      fileComplaint(db(), complaintOf(appeal.id, citizen.id, almaty("2026-12-01T18:00:00"))),
    ).rejects.toMatchObject({ code: "BAD_TRANSITION" });
    const complaint = await fileComplaint(
      db(),
      complaintOf(appeal.id, citizen.id, almaty("2026-12-02T09:00:00")),
    );
    const events = await db().select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id));
    expect(events.at(-1)?.data).toMatchObject({ complaintId: complaint.id, grounds: "overdue" });
  });

  it("files one complaint per appeal; a retry of the same submission gets the same complaint", async () => {
    const { citizen, appeal } = await citizenWithAppeal(db());
    await answer(db(), appeal.id, almaty("2026-11-20T12:00:00"));
    const key = randomUUID();
    const now = almaty("2026-11-23T10:00:00");
    const [first, second] = await Promise.all([
      fileComplaint(db(), complaintOf(appeal.id, citizen.id, now, key)),
      fileComplaint(db(), complaintOf(appeal.id, citizen.id, now, key)),
    ]);
    expect(second?.id).toBe(first?.id);
    await expect(fileComplaint(db(), complaintOf(appeal.id, citizen.id, now))).rejects.toMatchObject({
      code: "BAD_TRANSITION",
    });
    const complaints = await db().select().from(appeals).where(eq(appeals.complaintOfId, appeal.id));
    expect(complaints).toHaveLength(1);
  });

  it("refuses another citizen, and a body with no superior one", async () => {
    const { citizen, appeal } = await citizenWithAppeal(db());
    await answer(db(), appeal.id, almaty("2026-11-20T12:00:00"));
    const other = await createActor(db(), "citizen");
    await expect(
      fileComplaint(db(), complaintOf(appeal.id, other.id, almaty("2026-11-23T10:00:00"))),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const top = await fileTestAppeal(db(), {
      bodyCode: "government",
      authorId: citizen.id,
      filedAt: almaty("2026-11-10T10:00:00"),
    });
    await expect(
      fileComplaint(db(), complaintOf(top.id, citizen.id, almaty("2026-12-20T10:00:00"))),
    ).rejects.toMatchObject({ code: "NO_SUPERIOR_BODY" });
    expect(await db().select().from(appeals).where(eq(appeals.complaintOfId, top.id))).toEqual([]);
  });
});
