import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { stateBodies, type UserRole } from "@/db/schema";
import { fieldErrorsOf } from "@/server/validation";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";

const POLICY = {
  kind: "request" as const,
  considerationWorkingDays: 15,
  extensionMaxCalendarMonths: 2,
  extensionNoticeWorkingDays: 3,
  forwardingWorkingDays: 3,
  clarificationPausesClock: true,
};

describe("admin procedures", () => {
  const db = useTestDatabase();
  const smtp = process.env.SMTP_URL;
  afterEach(() => {
    if (smtp === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = smtp;
  });

  type Caller = ReturnType<typeof callerFor>;
  const calls: Record<string, (c: Caller) => Promise<unknown>> = {
    calendarDays: (c) => c.admin.calendarDays({ year: 2026 }),
    saveCalendarDay: (c) =>
      c.admin.saveCalendarDay({ date: "2026-11-23", kind: "day_off", name: "Not allowed" }),
    deleteCalendarDay: (c) => c.admin.deleteCalendarDay({ date: "2026-12-16" }),
    policies: (c) => c.admin.policies(),
    updatePolicy: (c) => c.admin.updatePolicy({ ...POLICY, considerationWorkingDays: 1 }),
    outbox: (c) => c.admin.outbox(),
    smsOutbox: (c) => c.admin.smsOutbox(),
  };

  it("refuses every other role and an anonymous caller, and changes nothing for them", async () => {
    const [body] = await db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-almaty-city"));
    const others: UserRole[] = ["citizen", "official", "operator", "moderator", "auditor"];
    for (const role of others) {
      const user = await createActor(db(), role, { bodyId: body?.id });
      for (const [name, call] of Object.entries(calls)) {
        await expect(call(callerFor(db(), user)), `${role} → ${name}`).rejects.toMatchObject({
          code: "FORBIDDEN",
        });
      }
    }
    for (const [name, call] of Object.entries(calls)) {
      await expect(call(callerFor(db(), null)), `anonymous → ${name}`).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
    }
    const { admin } = callerFor(db(), await createActor(db(), "admin"));
    const days = await admin.calendarDays({ year: 2026 });
    expect(days.map((d) => d.date)).toContain("2026-12-16");
    expect(days.map((d) => d.date)).not.toContain("2026-11-23");
    const policies = await admin.policies();
    expect(policies.find((p) => p.kind === "request")?.considerationWorkingDays).toBe(15);
  });

  it("lets an admin edit the calendar and a policy", async () => {
    const { admin } = callerFor(db(), await createActor(db(), "admin"));
    await admin.saveCalendarDay({ date: "2027-03-26", kind: "day_off", name: "  Moved day off  " });
    expect((await admin.calendarDays({ year: 2027 })).find((d) => d.date === "2027-03-26")?.name).toBe(
      "Moved day off",
    );
    await admin.deleteCalendarDay({ date: "2027-03-26" });
    expect((await admin.calendarDays({ year: 2027 })).map((d) => d.date)).not.toContain("2027-03-26");

    await admin.updatePolicy({ ...POLICY, forwardingWorkingDays: 5 });
    expect((await admin.policies()).map((p) => p.kind)).toEqual([
      "application",
      "message",
      "response",
      "proposal",
      "request",
      "complaint",
    ]);
    expect((await admin.policies()).find((p) => p.kind === "request")?.forwardingWorkingDays).toBe(5);
  });

  it("answers bad input with BAD_REQUEST and a catalogue key per field", async () => {
    const { admin } = callerFor(db(), await createActor(db(), "admin"));
    const fieldsOf = async (promise: Promise<unknown>) => {
      const error = await promise.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      const cause = (error as TRPCError).cause;
      expect(cause).toBeInstanceOf(ZodError);
      return fieldErrorsOf(cause as ZodError);
    };
    expect(await fieldsOf(admin.calendarDays({ year: 1999 }))).toMatchObject({
      year: { key: "tooSmall" },
    });
    expect(
      await fieldsOf(admin.saveCalendarDay({ date: "2026-02-30", kind: "holiday", name: "x" })),
    ).toMatchObject({ date: { key: "format" }, name: { key: "tooShort" } });
    expect(
      await fieldsOf(
        admin.updatePolicy({ ...POLICY, considerationWorkingDays: 0, forwardingWorkingDays: 31 }),
      ),
    ).toMatchObject({
      considerationWorkingDays: { key: "tooSmall" },
      forwardingWorkingDays: { key: "tooBig" },
    });
    expect(await fieldsOf(admin.updatePolicy({ ...POLICY, extensionMaxCalendarMonths: 13 }))).toMatchObject({
      extensionMaxCalendarMonths: { key: "tooBig" },
    });
    // Weekday rule of the calendar: a domain error, not a field error.
    await expect(
      admin.saveCalendarDay({ date: "2026-11-25", kind: "working_day", name: "Wednesday" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "BAD_CALENDAR_DAY" });
  });

  it("shows the outbox only while no SMTP server is configured", async () => {
    const { admin } = callerFor(db(), await createActor(db(), "admin"));
    delete process.env.SMTP_URL;
    expect(Array.isArray(await admin.outbox())).toBe(true);
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    await expect(admin.outbox()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows the SMS outbox only while no SMSC is configured", async () => {
    const { admin } = callerFor(db(), await createActor(db(), "admin"));
    delete process.env.SMPP_URL;
    expect(Array.isArray(await admin.smsOutbox())).toBe(true);
    process.env.SMPP_URL = "smpp://tyndau:secret@127.0.0.1:1";
    await expect(admin.smsOutbox()).rejects.toMatchObject({ code: "NOT_FOUND" });
    delete process.env.SMPP_URL;
  });
});
