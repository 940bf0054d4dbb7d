import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealEvents, mailMessages, notifications } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { almaty, bodyIdOf, fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { assignAppeal } from "./assign-appeal";
import { extendAppealDeadline } from "./extend-deadline";
import { forwardAppeal } from "./forward-appeal";
import { requestClarification } from "./request-clarification";

const REASON = "Hot water in this district is the competence of the Almaty energy department.";

describe("forwarding an appeal to the competent body", () => {
  const db = useTestDatabase();
  // Tue 10 Nov 2026 10:00: registered that day, due Tue 1 Dec; to be forwarded by Fri 13 Nov.
  const filedAt = almaty("2026-11-10T10:00:00");

  it("registers it anew at the competent body with a deadline counted from the day it arrives", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const { user: executor } = await officialOf(db(), "akimat-almaty-city");
    const target = await bodyIdOf(db(), "akimat-astana");
    const appeal = await fileTestAppeal(db(), { filedAt });
    await assignAppeal(db(), { appealId: appeal.id, executorId: executor.id, official: acting });
    const forwardedAt = almaty("2026-11-12T11:00:00");
    const forwarded = await forwardAppeal(db(), {
      appealId: appeal.id,
      toBodyId: target,
      reason: REASON,
      official: acting,
      now: forwardedAt,
    });
    expect(forwarded.status).toBe("registered");
    expect(forwarded.bodyId).toBe(target);
    expect(forwarded.executorId).toBeNull();
    expect(forwarded.forwardCount).toBe(1);
    expect(forwarded.receivedAt.toISOString()).toBe(forwardedAt.toISOString());
    expect(forwarded.registeredOn).toBe("2026-11-12");
    // 15 working days after Thu 12 Nov: 13 | 16–20 | 23–27 | 30 Nov, 1, 2, 3 Dec → Thu 3 Dec, end of day.
    expect(forwarded.dueAt.toISOString()).toBe("2026-12-03T18:59:59.999Z");

    const events = await db().select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id));
    expect(events.map((e) => e.type)).toEqual(["registered", "assigned", "forwarded"]);
    expect(events[2]?.data).toEqual({
      from: appeal.bodyId,
      to: target,
      reason: REASON,
      dueAt: "2026-12-03T18:59:59.999Z",
      previousDueAt: "2026-12-01T18:59:59.999Z",
      forwardBy: "2026-11-13T18:59:59.999Z",
      onTime: true,
    });
    const inApp = await db().select().from(notifications).where(eq(notifications.appealId, appeal.id));
    expect(inApp.map((n) => n.type)).toEqual(["registered", "forwarded"]);
    const mail = await db().select().from(mailMessages).where(eq(mailMessages.appealId, appeal.id));
    expect(mail.at(-1)?.subject).toBe(`Appeal ${appeal.number} forwarded to Akimat of Astana`);
    expect(mail.at(-1)?.text).toContain(REASON);
    expect(mail.at(-1)?.text).toContain("December 3, 2026");
  });

  it("forwards late, but records that the 3 working days were missed", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const appeal = await fileTestAppeal(db(), { filedAt });
    const forwarded = await forwardAppeal(db(), {
      appealId: appeal.id,
      toBodyId: await bodyIdOf(db(), "akimat-astana"),
      reason: REASON,
      official: acting,
      now: almaty("2026-11-16T10:00:00"),
    });
    // 15 working days after Mon 16 Nov: 17–20 | 23–27 | 30 Nov–4 Dec | 7 Dec → Mon 7 Dec.
    expect(forwarded.dueAt.toISOString()).toBe("2026-12-07T18:59:59.999Z");
    const [event] = await db()
      .select()
      .from(appealEvents)
      .where(eq(appealEvents.type, "forwarded"))
      .then((rows) => rows.filter((r) => r.appealId === appeal.id));
    expect(event?.data).toMatchObject({ onTime: false, forwardBy: "2026-11-13T18:59:59.999Z" });
  });

  it("registers a forward received after hours on the next working day", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const appeal = await fileTestAppeal(db(), { filedAt });
    const forwarded = await forwardAppeal(db(), {
      appealId: appeal.id,
      toBodyId: await bodyIdOf(db(), "akimat-astana"),
      reason: REASON,
      official: acting,
      now: almaty("2026-11-12T19:00:00"),
    });
    expect(forwarded.registeredOn).toBe("2026-11-13");
    // 15 working days after Fri 13 Nov: 16–20 | 23–27 | 30 Nov–4 Dec → Fri 4 Dec.
    expect(forwarded.dueAt.toISOString()).toBe("2026-12-04T18:59:59.999Z");
  });

  it("gives the new body its own extension and keeps the chain of forwards", async () => {
    const { acting: almatyOfficial } = await officialOf(db(), "akimat-almaty-city");
    const { acting: astanaOfficial } = await officialOf(db(), "akimat-astana");
    const shymkent = await bodyIdOf(db(), "akimat-shymkent");
    const appeal = await fileTestAppeal(db(), { filedAt });
    await extendAppealDeadline(db(), {
      appealId: appeal.id,
      newDueOn: "2026-12-15",
      reason: "An inspection of the heating network is needed before answering.",
      decidedBy: "Deputy akim A. Akimov",
      official: almatyOfficial,
      now: almaty("2026-11-11T10:00:00"),
    });
    const atAstana = await forwardAppeal(db(), {
      appealId: appeal.id,
      toBodyId: astanaOfficial.bodyId,
      reason: REASON,
      official: almatyOfficial,
      now: almaty("2026-11-12T10:00:00"),
    });
    expect(atAstana.extendedAt).toBeNull();
    const atShymkent = await forwardAppeal(db(), {
      appealId: appeal.id,
      toBodyId: shymkent,
      reason: "The block is in Shymkent, not in Astana.",
      official: astanaOfficial,
      now: almaty("2026-11-13T10:00:00"),
    });
    expect(atShymkent.forwardCount).toBe(2);
    const chain = (await db().select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id)))
      .filter((e) => e.type === "forwarded")
      .map((e) => [e.data.from, e.data.to]);
    expect(chain).toEqual([
      [almatyOfficial.bodyId, astanaOfficial.bodyId],
      [astanaOfficial.bodyId, shymkent],
    ]);
  });

  it("refuses the same body, another body's official, an unknown body and an appeal awaiting clarification", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const { acting: astana } = await officialOf(db(), "akimat-astana");
    const appeal = await fileTestAppeal(db(), { filedAt });
    const forward = (toBodyId: string, official = acting) =>
      forwardAppeal(db(), { appealId: appeal.id, toBodyId, reason: REASON, official });
    await expect(forward(acting.bodyId)).rejects.toMatchObject({ code: "SAME_BODY" });
    await expect(forward(astana.bodyId, astana)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(forward("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await requestClarification(db(), {
      appealId: appeal.id,
      question: "Which entrance of the block is it?",
      official: acting,
    });
    await expect(forward(astana.bodyId)).rejects.toMatchObject({ code: "BAD_TRANSITION" });
  });
});
