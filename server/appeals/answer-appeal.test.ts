import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealAnswers, appealEvents, attachments, notifications } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { answerAppeal } from "./answer-appeal";
import { requestClarification } from "./request-clarification";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
const ANSWER = {
  decision: "partly_satisfied" as const,
  text: "Hot water was restored on 12 November; the pipe will be fully replaced in the spring.",
  legalGrounds: "APPC Art. 76; Law on housing relations, Art. 42",
  appealRights: "You may complain to the superior body (the Government) or to court (APPC Art. 91).",
};

describe("answering an appeal", () => {
  const db = useTestDatabase();
  // Registered Tue 10 Nov 2026, due Tue 1 Dec 2026 23:59:59.999 Almaty.
  const filedAt = almaty("2026-11-10T10:00:00");

  it("sends a reasoned answer with files, on time, and tells the applicant", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const appeal = await fileTestAppeal(db(), { filedAt });
    const answeredAt = almaty("2026-12-01T23:59:00");
    const answered = await answerAppeal(db(), {
      ...ANSWER,
      appealId: appeal.id,
      attachments: [{ fileName: "act.pdf", bytes: PDF }],
      official: acting,
      now: answeredAt,
    });
    expect(answered.status).toBe("answered");
    expect(answered.answeredAt?.toISOString()).toBe(answeredAt.toISOString());
    const [answer] = await db().select().from(appealAnswers).where(eq(appealAnswers.appealId, appeal.id));
    expect(answer).toMatchObject({ ...ANSWER, bodyId: appeal.bodyId, answeredById: acting.id, onTime: true });
    const events = await db().select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id));
    const event = events.find((e) => e.type === "answered");
    expect(event?.data).toEqual({ decision: "partly_satisfied", onTime: true, attachments: 1 });
    const files = await db().select().from(attachments).where(eq(attachments.appealId, appeal.id));
    expect(files.map((f) => [f.fileName, f.mimeType, f.eventId])).toEqual([
      ["act.pdf", "application/pdf", event?.id],
    ]);
    const inApp = await db().select().from(notifications).where(eq(notifications.appealId, appeal.id));
    expect(inApp.map((n) => n.type)).toEqual(["registered", "answered"]);
  });

  it("records an answer after the deadline as late", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const appeal = await fileTestAppeal(db(), { filedAt });
    await answerAppeal(db(), {
      ...ANSWER,
      appealId: appeal.id,
      official: acting,
      now: almaty("2026-12-02T00:00:01"),
    });
    const [answer] = await db().select().from(appealAnswers).where(eq(appealAnswers.appealId, appeal.id));
    expect(answer?.onTime).toBe(false);
  });

  it("is final: a second answer is refused and the database refuses to change the first", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const appeal = await fileTestAppeal(db(), { filedAt });
    await answerAppeal(db(), { ...ANSWER, appealId: appeal.id, official: acting });
    await expect(
      answerAppeal(db(), { ...ANSWER, decision: "satisfied", appealId: appeal.id, official: acting }),
    ).rejects.toMatchObject({ code: "BAD_TRANSITION" });
    await expect(
      db().execute(sql`update appeal_answers set decision = 'satisfied' where appeal_id = ${appeal.id}`),
    ).rejects.toThrow();
    await expect(
      db().execute(sql`delete from appeal_answers where appeal_id = ${appeal.id}`),
    ).rejects.toThrow();
  });

  it("refuses a file that is not PDF, JPEG or PNG and then keeps nothing", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const appeal = await fileTestAppeal(db(), { filedAt });
    await expect(
      answerAppeal(db(), {
        ...ANSWER,
        appealId: appeal.id,
        attachments: [{ fileName: "answer.pdf", bytes: Buffer.from("<html></html>") }],
        official: acting,
      }),
    ).rejects.toMatchObject({ code: "BAD_ATTACHMENT" });
    const [answer] = await db().select().from(appealAnswers).where(eq(appealAnswers.appealId, appeal.id));
    expect(answer).toBeUndefined();
  });

  it("refuses an answer from another body, and lets the body answer a citizen who never clarifies", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const { acting: astana } = await officialOf(db(), "akimat-astana");
    const appeal = await fileTestAppeal(db(), { filedAt });
    await expect(
      answerAppeal(db(), { ...ANSWER, appealId: appeal.id, official: astana }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await requestClarification(db(), {
      appealId: appeal.id,
      question: "Which entrance is it?",
      official: acting,
    });
    const answered = await answerAppeal(db(), { ...ANSWER, appealId: appeal.id, official: acting });
    expect(answered).toMatchObject({ status: "answered", pausedAt: null });
  });
});
