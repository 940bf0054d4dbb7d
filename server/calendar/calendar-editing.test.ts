import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appeals, calendarDays, deadlinePolicies, stateBodies } from "@/db/schema";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { updateDeadlinePolicy } from "@/server/deadlines/update-policy";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { deleteCalendarDay } from "./delete-calendar-day";
import { listCalendarDays } from "./list-calendar-days";
import { saveCalendarDay } from "./save-calendar-day";

// Tue 10 Nov 2026, 10:00 in Almaty: registered the same day.
const FILED_AT = new Date("2026-11-10T05:00:00Z");

describe("an admin editing the calendar and the policies", () => {
  const db = useTestDatabase();

  async function file(kind: "application" | "proposal" = "application") {
    const citizen = await createActor(db(), "citizen");
    const [body] = await db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-almaty-city"));
    const { appeal } = await fileAppeal(db(), {
      kind,
      bodyId: body?.id ?? "",
      category: "housing_utilities",
      region: "almaty_city",
      subject: "Heating is off in our school",
      text: "School No. 25 has had no heating since Monday; the children sit in coats.",
      publishConsent: false,
      locale: "en",
      authorId: citizen.id,
      now: FILED_AT,
    });
    return appeal;
  }
  const dueOf = async (id: string) =>
    (await db().select().from(appeals).where(eq(appeals.id, id)))[0]?.dueAt.toISOString();

  it("moves the deadlines of new appeals, and leaves those already set", async () => {
    const admin = await createActor(db(), "admin");
    // 15 working days after 10 Nov: 11–13 (3), 16–20 (8), 23–27 (13), 30 Nov (14), 1 Dec (15).
    const before = await file();
    expect(before.dueAt.toISOString()).toBe("2026-12-01T18:59:59.999Z");

    await saveCalendarDay(db(), {
      date: "2026-11-20",
      kind: "day_off",
      name: "Test day off",
      adminId: admin.id,
    });
    // Fri 20 Nov off: 11–13 (3), 16–19 (7), 23–27 (12), 30 Nov (13), 1 Dec (14), 2 Dec (15).
    const after = await file();
    expect(after.dueAt.toISOString()).toBe("2026-12-02T18:59:59.999Z");
    expect(await dueOf(before.id)).toBe("2026-12-01T18:59:59.999Z");

    const [row] = await db().select().from(calendarDays).where(eq(calendarDays.date, "2026-11-20"));
    expect([row?.kind, row?.updatedBy]).toEqual(["day_off", admin.id]);

    // A worked Saturday adds a day: Sat 28 Nov counts, so the 15th working day is Tue 1 Dec again.
    await saveCalendarDay(db(), {
      date: "2026-11-28",
      kind: "working_day",
      name: "Worked",
      adminId: admin.id,
    });
    expect((await file()).dueAt.toISOString()).toBe("2026-12-01T18:59:59.999Z");

    await deleteCalendarDay(db(), { date: "2026-11-20" });
    await deleteCalendarDay(db(), { date: "2026-11-28" });
    expect((await file()).dueAt.toISOString()).toBe("2026-12-01T18:59:59.999Z");
  });

  it("replaces the entry of a date and lists a year in date order", async () => {
    const admin = await createActor(db(), "admin");
    await saveCalendarDay(db(), {
      date: "2031-05-27",
      kind: "holiday",
      name: "Kurban Ait",
      adminId: admin.id,
    });
    await saveCalendarDay(db(), { date: "2031-01-03", kind: "day_off", name: "Moved", adminId: admin.id });
    await saveCalendarDay(db(), {
      date: "2031-05-27",
      kind: "holiday",
      name: "Kurban Ait (first day)",
      adminId: admin.id,
    });
    const days = await listCalendarDays(db(), { year: 2031 });
    expect(days.map((d) => [d.date, d.kind, d.name])).toEqual([
      ["2031-01-03", "day_off", "Moved"],
      ["2031-05-27", "holiday", "Kurban Ait (first day)"],
    ]);
  });

  it("refuses days that would change nothing, and removing a day that is not there", async () => {
    const admin = await createActor(db(), "admin");
    // Wed 25 Nov 2026 is worked anyway; Sat 21 Nov 2026 is off anyway.
    await expect(
      saveCalendarDay(db(), { date: "2026-11-25", kind: "working_day", name: "No", adminId: admin.id }),
    ).rejects.toMatchObject({ code: "BAD_CALENDAR_DAY" });
    await expect(
      saveCalendarDay(db(), { date: "2026-11-21", kind: "day_off", name: "No", adminId: admin.id }),
    ).rejects.toMatchObject({ code: "BAD_CALENDAR_DAY" });
    await expect(
      saveCalendarDay(db(), { date: "1999-01-04", kind: "day_off", name: "No", adminId: admin.id }),
    ).rejects.toMatchObject({ code: "BAD_CALENDAR_DAY" });
    await expect(deleteCalendarDay(db(), { date: "2026-11-25" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("applies a changed policy to new appeals of that kind only", async () => {
    const admin = await createActor(db(), "admin");
    await updateDeadlinePolicy(db(), {
      kind: "proposal",
      terms: {
        considerationWorkingDays: 10,
        extensionMaxCalendarMonths: 2,
        extensionNoticeWorkingDays: 3,
        forwardingWorkingDays: 3,
        clarificationPausesClock: false,
      },
      adminId: admin.id,
    });
    // 10 working days after Tue 10 Nov: 11–13 (3), 16–20 (8), 23 (9), 24 (10).
    expect((await file("proposal")).dueAt.toISOString()).toBe("2026-11-24T18:59:59.999Z");
    expect((await file("application")).dueAt.toISOString()).toBe("2026-12-01T18:59:59.999Z");
    const [policy] = await db().select().from(deadlinePolicies).where(eq(deadlinePolicies.kind, "proposal"));
    expect([policy?.clarificationPausesClock, policy?.updatedBy]).toEqual([false, admin.id]);

    await expect(
      updateDeadlinePolicy(db(), {
        kind: "proposal",
        terms: {
          considerationWorkingDays: 0,
          extensionMaxCalendarMonths: 2,
          extensionNoticeWorkingDays: 3,
          forwardingWorkingDays: 3,
          clarificationPausesClock: true,
        },
        adminId: admin.id,
      }),
    ).rejects.toMatchObject({ code: "BAD_POLICY_TERM" });
  });
});
