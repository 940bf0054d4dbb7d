import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealEvents, appeals, mailMessages, notifications, stateBodies } from "@/db/schema";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { remindExecutors } from "./remind-executors";

/** 09:00 in Almaty (UTC+5) on a date. */
const nineAm = (date: string) => new Date(`${date}T04:00:00Z`);

describe("reminding executors", () => {
  const db = useTestDatabase();
  const bodyId = async (code: string) =>
    (await db().select().from(stateBodies).where(eq(stateBodies.code, code)))[0]?.id ?? "";

  /** An appeal assigned to a new executor, with its deadline set to the end of `dueDay` (Almaty). */
  async function assignedAppeal(dueDay: string) {
    const body = await bodyId("akimat-almaty-city");
    const executor = await createActor(db(), "official", { bodyId: body });
    const citizen = await createActor(db(), "citizen");
    const { appeal } = await fileAppeal(db(), {
      kind: "application",
      bodyId: body,
      category: "roads_transport",
      region: "almaty_city",
      subject: "Pothole on Tole Bi street",
      text: "A deep pothole at Tole Bi 150 has damaged several cars this week.",
      publishConsent: false,
      locale: "kk",
      authorId: citizen.id,
      now: new Date("2026-11-20T05:00:00Z"),
    });
    // Set up the state directly: the deadline of this test, and an executor as `assign` would leave it.
    const dueAt = new Date(`${dueDay}T18:59:59.999Z`);
    await db().update(appeals).set({ dueAt, executorId: executor.id }).where(eq(appeals.id, appeal.id));
    return { appeal, executor };
  }

  const remindersOf = async (appealId: string, userId: string) =>
    (
      await db()
        .select()
        .from(notifications)
        .where(and(eq(notifications.appealId, appealId), eq(notifications.userId, userId)))
    ).map((n) => n.type);

  it("reminds 3 working days before a deadline, counting around the 16 December holiday", async () => {
    // Due Fri 18 Dec 2026. Working days back: Thu 17 (1), [Wed 16 Independence Day], Tue 15 (2), Mon 14 (3).
    const { appeal, executor } = await assignedAppeal("2026-12-18");

    await remindExecutors(db(), nineAm("2026-12-11"));
    await remindExecutors(db(), new Date("2026-12-13T18:59:00Z")); // Sun 13 Dec, 23:59
    expect(await remindersOf(appeal.id, executor.id)).toEqual([]);

    await remindExecutors(db(), nineAm("2026-12-14"));
    expect(await remindersOf(appeal.id, executor.id)).toEqual(["executor_reminder"]);
    const events = await db()
      .select()
      .from(appealEvents)
      .where(and(eq(appealEvents.appealId, appeal.id), eq(appealEvents.type, "executor_reminded")));
    expect(events.map((e) => e.data)).toEqual([
      { executorId: executor.id, dueAt: "2026-12-18T18:59:59.999Z" },
    ]);
    const [mail] = await db()
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.appealId, appeal.id), eq(mailMessages.to, executor.email)));
    expect(mail?.subject).toBe(
      `Еске салу: ${appeal.number} өтінішінің мерзімі — 2026 ж. 18 желтоқсан, 23:59`,
    );

    // The next day's run, and a second process, remind no one again.
    await Promise.all([
      remindExecutors(db(), nineAm("2026-12-15")),
      remindExecutors(db(), nineAm("2026-12-15")),
    ]);
    expect(await remindersOf(appeal.id, executor.id)).toEqual(["executor_reminder"]);
  });

  it("reminds on the day when nothing interrupts the count, and not once the deadline has passed", async () => {
    // Due Fri 27 Nov 2026: Thu 26 (1), Wed 25 (2), Tue 24 (3).
    const { appeal, executor } = await assignedAppeal("2026-11-27");
    await remindExecutors(db(), nineAm("2026-11-23"));
    expect(await remindersOf(appeal.id, executor.id)).toEqual([]);
    await remindExecutors(db(), nineAm("2026-11-24"));
    expect(await remindersOf(appeal.id, executor.id)).toEqual(["executor_reminder"]);

    const late = await assignedAppeal("2026-11-27");
    await remindExecutors(db(), nineAm("2026-11-28"));
    expect(await remindersOf(late.appeal.id, late.executor.id)).toEqual([]);
  });
});
