import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appealEvents, deadlinePolicies, mailMessages, notifications } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { allowClarificationPause } from "@/test/pause-policy";
import { listNotifications } from "../notifications/list-notifications";
import { provideClarification } from "./provide-clarification";
import { requestClarification } from "./request-clarification";

const QUESTION = "Which entrance of the block is without hot water, and since which date exactly?";

describe("asking the applicant for clarification", () => {
  const db = useTestDatabase();
  // The clock stops only where an administrator switched pausing on.
  beforeAll(() => allowClarificationPause(db()));
  // Tue 10 Nov 2026, registered that day; due Tue 1 Dec 2026 (see file-appeal.test.ts).
  const filedAt = almaty("2026-11-10T10:00:00");

  it("stops the clock, records the question and tells the applicant", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const appeal = await fileTestAppeal(db(), { filedAt });
    const askedAt = almaty("2026-11-12T11:00:00");
    const asked = await requestClarification(db(), {
      appealId: appeal.id,
      question: QUESTION,
      official: acting,
      now: askedAt,
    });
    expect(asked.status).toBe("awaiting_clarification");
    expect(asked.pausedAt?.toISOString()).toBe(askedAt.toISOString());
    const [, event] = await db().select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id));
    expect(event?.type).toBe("clarification_requested");
    expect(event?.data).toEqual({ question: QUESTION, pausesClock: true });
    const inApp = await db().select().from(notifications).where(eq(notifications.appealId, appeal.id));
    expect(inApp.map((n) => n.type)).toEqual(["registered", "clarification_requested"]);
    // The notice in the account quotes the question; the others quote nothing.
    const listed = await listNotifications(db(), { userId: appeal.authorId as string, page: 1 });
    expect(listed.items.map((n) => [n.type, n.question])).toEqual(
      expect.arrayContaining([
        ["clarification_requested", QUESTION],
        ["registered", null],
      ]),
    );
    const mail = await db().select().from(mailMessages).where(eq(mailMessages.appealId, appeal.id));
    expect(mail.at(-1)?.text).toContain(QUESTION);

    // The applicant's reply restarts the clock from pausedAt: stopped Thu 12 Nov, replied Tue 17 Nov, the
    // body gets back the working days 13, 16, 17 Nov, so Tue 1 Dec becomes Fri 4 Dec.
    const resumed = await provideClarification(db(), {
      appealId: appeal.id,
      citizenId: appeal.authorId as string,
      reply: "The second entrance, since 20 October.",
      now: almaty("2026-11-17T15:00:00"),
    });
    expect(resumed.dueAt.toISOString()).toBe("2026-12-04T18:59:59.999Z");
  });

  it("keeps the clock running when the policy says so", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    await db()
      .update(deadlinePolicies)
      .set({ clarificationPausesClock: false })
      .where(eq(deadlinePolicies.kind, "proposal"));
    const appeal = await fileTestAppeal(db(), { filedAt });
    await db().execute(`update appeals set kind = 'proposal' where id = '${appeal.id}'`);
    const asked = await requestClarification(db(), {
      appealId: appeal.id,
      question: QUESTION,
      official: acting,
      now: almaty("2026-11-12T11:00:00"),
    });
    expect(asked.pausedAt).toBeNull();
    const [, event] = await db().select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id));
    expect(event?.data).toMatchObject({ pausesClock: false });
  });

  it("does not stop a term that has already run out", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const appeal = await fileTestAppeal(db(), { filedAt });
    const asked = await requestClarification(db(), {
      appealId: appeal.id,
      question: QUESTION,
      official: acting,
      now: almaty("2026-12-02T10:00:00"),
    });
    expect(asked.status).toBe("awaiting_clarification");
    expect(asked.pausedAt).toBeNull();
  });

  it("refuses a second request while the first is unanswered, and another body's request", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const { acting: astana } = await officialOf(db(), "akimat-astana");
    const appeal = await fileTestAppeal(db(), { filedAt });
    const ask = (official: typeof acting) =>
      requestClarification(db(), { appealId: appeal.id, question: QUESTION, official });
    await expect(ask(astana)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await ask(acting);
    await expect(ask(acting)).rejects.toMatchObject({ code: "BAD_TRANSITION" });
  });
});
