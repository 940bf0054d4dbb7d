import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealEvents, appeals, mailMessages, notifications, stateBodies } from "@/db/schema";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { applyAction, lockAppealOrThrow } from "@/server/appeals/lifecycle";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { markOverdueAppeals } from "./mark-overdue";

// Filed Tue 10 Nov 2026, 10:00 Almaty: due at the end of Tue 1 Dec 2026 (see file-appeal.test.ts).
const FILED_AT = new Date("2026-11-10T05:00:00Z");
const DUE_AT = "2026-12-01T18:59:59.999Z";
const JUST_BEFORE = new Date("2026-12-01T18:59:59.000Z");
const NEXT_MORNING = new Date("2026-12-02T04:00:00Z");

describe("marking appeals overdue", () => {
  const db = useTestDatabase();
  const bodyId = async (code: string) =>
    (await db().select().from(stateBodies).where(eq(stateBodies.code, code)))[0]?.id ?? "";

  async function fileOne() {
    const citizen = await createActor(db(), "citizen");
    const { appeal } = await fileAppeal(db(), {
      kind: "application",
      bodyId: await bodyId("akimat-almaty-city"),
      category: "housing_utilities",
      region: "almaty_city",
      subject: "Broken street lights on Abai Avenue",
      text: "The street lights between Baitursynov and Zhandosov have been off for a month.",
      publishConsent: false,
      locale: "ru",
      authorId: citizen.id,
      now: FILED_AT,
    });
    expect(appeal.dueAt.toISOString()).toBe(DUE_AT);
    return { appeal, citizen };
  }

  const eventsOf = async (appealId: string) =>
    (await db().select().from(appealEvents).where(eq(appealEvents.appealId, appealId))).map((e) => e.type);
  const noticesOf = async (appealId: string, userId: string) =>
    (
      await db()
        .select()
        .from(notifications)
        .where(and(eq(notifications.appealId, appealId), eq(notifications.userId, userId)))
    ).map((n) => n.type);

  it("marks an appeal due yesterday once, tells the applicant and alerts the superior body", async () => {
    const supervisor = await createActor(db(), "official", { bodyId: await bodyId("government") });
    const colleague = await createActor(db(), "official", { bodyId: await bodyId("akimat-almaty-city") });
    const { appeal, citizen } = await fileOne();

    await markOverdueAppeals(db(), JUST_BEFORE);
    expect((await db().select().from(appeals).where(eq(appeals.id, appeal.id)))[0]?.overdueAt).toBeNull();

    await markOverdueAppeals(db(), NEXT_MORNING);
    const [marked] = await db().select().from(appeals).where(eq(appeals.id, appeal.id));
    expect(marked?.overdueAt?.toISOString()).toBe(NEXT_MORNING.toISOString());
    // APPC Art. 91(2): a refusal in law, but the appeal stays open for a late answer.
    expect(marked?.status).toBe("registered");
    expect(await eventsOf(appeal.id)).toEqual(["registered", "deadline_missed", "supervisor_alerted"]);
    const [alert] = await db()
      .select()
      .from(appealEvents)
      .where(and(eq(appealEvents.appealId, appeal.id), eq(appealEvents.type, "supervisor_alerted")));
    expect(alert?.bodyId).toBe(await bodyId("government"));
    expect(alert?.actorRole).toBe("system");

    expect(await noticesOf(appeal.id, citizen.id)).toEqual(["registered", "overdue"]);
    expect(await noticesOf(appeal.id, supervisor.id)).toEqual(["supervisor_overdue"]);
    expect(await noticesOf(appeal.id, colleague.id)).toEqual([]);
    const mail = await db().select().from(mailMessages).where(eq(mailMessages.appealId, appeal.id));
    expect(mail.map((m) => [m.to, m.subject]).sort()).toEqual(
      [
        [citizen.email, `Обращение ${appeal.number} зарегистрировано`],
        [citizen.email, `Обращение ${appeal.number}: срок истёк без ответа`],
        [supervisor.email, `Ведомстволық органда мерзімі өткен ${appeal.number} өтініші`],
      ].sort(),
    );

    await markOverdueAppeals(db(), new Date("2026-12-03T04:00:00Z"));
    expect(await eventsOf(appeal.id)).toEqual(["registered", "deadline_missed", "supervisor_alerted"]);
    expect(await noticesOf(appeal.id, supervisor.id)).toEqual(["supervisor_overdue"]);
  });

  it("marks an appeal once when two processes run at the same moment", async () => {
    const { appeal } = await fileOne();
    await Promise.all([markOverdueAppeals(db(), NEXT_MORNING), markOverdueAppeals(db(), NEXT_MORNING)]);
    expect((await eventsOf(appeal.id)).filter((e) => e === "deadline_missed")).toHaveLength(1);
  });

  it("leaves an answered appeal untouched", async () => {
    const official = await createActor(db(), "official", { bodyId: await bodyId("akimat-almaty-city") });
    const { appeal } = await fileOne();
    await db().transaction(async (tx) =>
      applyAction(tx, {
        appeal: await lockAppealOrThrow(tx, appeal.id),
        action: "answer",
        actor: official,
        set: { answeredAt: JUST_BEFORE },
      }),
    );
    await markOverdueAppeals(db(), NEXT_MORNING);
    const [after] = await db().select().from(appeals).where(eq(appeals.id, appeal.id));
    expect(after?.overdueAt).toBeNull();
    expect(await eventsOf(appeal.id)).toEqual(["registered", "answered"]);
  });

  it("does not run out a term stopped while the citizen clarifies", async () => {
    const official = await createActor(db(), "official", { bodyId: await bodyId("akimat-almaty-city") });
    const { appeal } = await fileOne();
    await db().transaction(async (tx) =>
      applyAction(tx, {
        appeal: await lockAppealOrThrow(tx, appeal.id),
        action: "request_clarification",
        actor: official,
        set: { pausedAt: new Date("2026-11-20T05:00:00Z") },
      }),
    );
    await markOverdueAppeals(db(), NEXT_MORNING);
    expect(await eventsOf(appeal.id)).toEqual(["registered", "clarification_requested"]);
  });
});
