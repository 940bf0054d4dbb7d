import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealEvents, mailMessages, notifications } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { extendAppealDeadline } from "./extend-deadline";

const REASON = "An inspection of the heating network by the utility is needed before answering.";

describe("extending the deadline", () => {
  const db = useTestDatabase();
  // Registered Tue 10 Nov 2026, due Tue 1 Dec. Two months from registration: Sun 10 Jan 2027, so the
  // term may reach Mon 11 Jan 2027 at most.
  const filedAt = almaty("2026-11-10T10:00:00");
  const decidedAt = almaty("2026-11-20T10:00:00");

  async function setUp() {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const appeal = await fileTestAppeal(db(), { filedAt });
    const extend = (newDueOn: string, o: { now?: Date; official?: typeof acting } = {}) =>
      extendAppealDeadline(db(), {
        appealId: appeal.id,
        newDueOn,
        reason: REASON,
        decidedBy: "Deputy akim A. Akimov",
        official: o.official ?? acting,
        now: o.now ?? decidedAt,
      });
    return { appeal, acting, extend };
  }

  it("extends once by a reasoned decision, names who decided, and tells the applicant at once", async () => {
    const { appeal, extend } = await setUp();
    const extended = await extend("2026-12-15");
    expect(extended.status).toBe("registered");
    expect(extended.dueAt.toISOString()).toBe("2026-12-15T18:59:59.999Z");
    expect(extended.extendedAt?.toISOString()).toBe(decidedAt.toISOString());
    const [, event] = await db().select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id));
    expect(event?.type).toBe("deadline_extended");
    expect(event?.data).toEqual({
      from: "2026-12-01T18:59:59.999Z",
      to: "2026-12-15T18:59:59.999Z",
      reason: REASON,
      decidedBy: "Deputy akim A. Akimov",
      // Fri 20 Nov + 3 working days: 23, 24, 25 Nov.
      citizenNoticeBy: "2026-11-25T18:59:59.999Z",
      citizenNotifiedAt: decidedAt.toISOString(),
    });
    const inApp = await db().select().from(notifications).where(eq(notifications.appealId, appeal.id));
    expect(inApp.map((n) => n.type)).toEqual(["registered", "extended"]);
    const mail = await db().select().from(mailMessages).where(eq(mailMessages.appealId, appeal.id));
    expect(mail.at(-1)?.text).toContain(REASON);
    expect(mail.at(-1)?.text).toContain("December 15, 2026");

    await expect(extend("2026-12-22")).rejects.toMatchObject({ code: "ALREADY_EXTENDED" });
  });

  it("allows up to two months from registration and not a day more", async () => {
    const { extend: first } = await setUp();
    expect((await first("2027-01-11")).dueAt.toISOString()).toBe("2027-01-11T18:59:59.999Z");
    const { extend: second } = await setUp();
    await expect(second("2027-01-12")).rejects.toMatchObject({ code: "BEYOND_LEGAL_LIMIT" });
  });

  it("moves a requested day off to the next working day", async () => {
    const { extend } = await setUp();
    // Sat 12 Dec 2026 → Mon 14 Dec.
    expect((await extend("2026-12-12")).dueAt.toISOString()).toBe("2026-12-14T18:59:59.999Z");
  });

  it("refuses a date that is not later, a term already run out, and another body", async () => {
    const { extend } = await setUp();
    await expect(extend("2026-11-30")).rejects.toMatchObject({ code: "DATE_NOT_LATER" });
    await expect(extend("2026-12-15", { now: almaty("2026-12-02T09:00:00") })).rejects.toMatchObject({
      code: "DEADLINE_PASSED",
    });
    const { acting: astana } = await officialOf(db(), "akimat-astana");
    await expect(extend("2026-12-15", { official: astana })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
