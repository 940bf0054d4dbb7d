import { beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { allowClarificationPause } from "@/test/pause-policy";
import { assignAppeal } from "./assign-appeal";
import { listInbox } from "./list-inbox";
import { requestClarification } from "./request-clarification";

describe("the inbox of a body", () => {
  const db = useTestDatabase();
  // The inbox is looked at on Mon 30 Nov 2026, 10:00 Almaty.
  const now = almaty("2026-11-30T10:00:00");

  // One body's inbox, filled once: each test reads it from another angle.
  let s: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    await allowClarificationPause(db());
    s = await setUp();
  });

  async function setUp() {
    const almatyCity = await officialOf(db(), "akimat-almaty-city");
    const executor = await officialOf(db(), "akimat-almaty-city", "Executor");
    // Registered Tue 10 Nov, due Tue 1 Dec: 1 working day left → new, due soon.
    const dueTomorrow = await fileTestAppeal(db(), { filedAt: almaty("2026-11-10T10:00:00"), subject: "A" });
    // Registered Mon 2 Nov, due Mon 23 Nov (3–6 | 9–13 | 16–20 | 23): overdue by the 5 working days
    // 24–27 and 30 Nov; assigned.
    const overdue = await fileTestAppeal(db(), { filedAt: almaty("2026-11-02T10:00:00"), subject: "B" });
    await assignAppeal(db(), {
      appealId: overdue.id,
      executorId: executor.user.id,
      official: almatyCity.acting,
    });
    // Registered Mon 23 Nov, due Mon 14 Dec (24–27 | 30 Nov–4 Dec | 7–11 | 14): 10 working days left.
    const later = await fileTestAppeal(db(), { filedAt: almaty("2026-11-23T10:00:00"), subject: "C" });
    // Registered Fri 30 Oct, due Fri 20 Nov, but the clock stopped on 5 Nov for clarification: neither
    // overdue nor due soon.
    const paused = await fileTestAppeal(db(), { filedAt: almaty("2026-10-30T10:00:00"), subject: "D" });
    await requestClarification(db(), {
      appealId: paused.id,
      question: "Which entrance is it?",
      official: almatyCity.acting,
      now: almaty("2026-11-05T10:00:00"),
    });
    // Another body's appeal, registered Wed 11 Nov and due Wed 2 Dec: due soon too.
    const elsewhere = await fileTestAppeal(db(), {
      bodyCode: "akimat-astana",
      filedAt: almaty("2026-11-11T10:00:00"),
      subject: "E",
    });
    return { almatyCity, dueTomorrow, overdue, later, paused, elsewhere };
  }

  it("sorts each tab by deadline and counts working days left", async () => {
    const list = (tab: "new" | "assigned" | "due_soon" | "overdue") =>
      listInbox(db(), { viewer: s.almatyCity.user, tab, now });
    const fresh = await list("new");
    expect(fresh.items.map((i) => [i.subject, i.daysLeft, i.overdue])).toEqual([
      ["A", 1, false],
      ["C", 10, false],
    ]);
    expect(fresh.counts).toEqual({ new: 2, assigned: 2, due_soon: 1, overdue: 1 });
    expect(fresh.readOnly).toBe(false);
    expect(fresh.items.every((i) => i.canAct)).toBe(true);
    expect((await list("assigned")).items.map((i) => [i.subject, i.executorName, i.paused])).toEqual([
      ["D", null, true],
      ["B", "Executor", false],
    ]);
    expect((await list("due_soon")).items.map((i) => i.subject)).toEqual(["A"]);
    expect((await list("overdue")).items.map((i) => [i.subject, i.daysLeft, i.overdue])).toEqual([
      ["B", -5, true],
    ]);
  });

  it("finds an appeal by its number, whole or by its last digits, in the body's scope only", async () => {
    const find = (number: string) => listInbox(db(), { viewer: s.almatyCity.user, tab: "new", number, now });
    // Assigned and overdue: not in the "new" tab, found all the same.
    expect((await find(s.overdue.number)).items.map((i) => i.subject)).toEqual(["B"]);
    expect((await find(s.overdue.number.toLowerCase())).items.map((i) => i.subject)).toEqual(["B"]);
    const serial = String(Number(s.paused.number.split("-").at(-1)));
    expect((await find(serial)).items.map((i) => i.subject)).toEqual(["D"]);
    // Another body's appeal stays out of reach.
    expect((await find(s.elsewhere.number)).items).toEqual([]);
  });

  it("pages by deadline with a cursor", async () => {
    const first = await listInbox(db(), { viewer: s.almatyCity.user, tab: "new", limit: 1, now });
    expect(first.items.map((i) => i.subject)).toEqual(["A"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listInbox(db(), {
      viewer: s.almatyCity.user,
      tab: "new",
      limit: 1,
      cursor: first.nextCursor,
      now,
    });
    expect(second.items.map((i) => i.subject)).toEqual(["C"]);
    expect(second.nextCursor).toBeNull();
  });

  it("lets a supervisor read a subordinate body's inbox, or all of them, but act on none", async () => {
    const supervisor = await officialOf(db(), "government");
    const own = await listInbox(db(), { viewer: supervisor.user, tab: "due_soon", now });
    expect(own.items).toEqual([]);
    expect(own.supervisedBodies.length).toBeGreaterThan(100);
    const almatyInbox = await listInbox(db(), {
      viewer: supervisor.user,
      bodyId: s.almatyCity.acting.bodyId,
      tab: "overdue",
      now,
    });
    expect(almatyInbox.readOnly).toBe(true);
    expect(almatyInbox.items.map((i) => [i.subject, i.canAct])).toEqual([["B", false]]);
    const everything = await listInbox(db(), {
      viewer: supervisor.user,
      withSubordinates: true,
      tab: "due_soon",
      now,
    });
    expect(everything.items.map((i) => [i.subject, i.body.nameEn])).toEqual([
      ["A", "Akimat of Almaty"],
      ["E", "Akimat of Astana"],
    ]);
  });

  it("shows nothing of a body outside the viewer's charge, and nothing to a non-official", async () => {
    const astana = await officialOf(db(), "akimat-astana");
    expect(
      (await listInbox(db(), { viewer: astana.user, tab: "due_soon", now })).items.map((i) => i.subject),
    ).toEqual(["E"]);
    await expect(
      listInbox(db(), { viewer: astana.user, bodyId: s.almatyCity.acting.bodyId, tab: "new", now }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      listInbox(db(), {
        viewer: astana.user,
        withSubordinates: true,
        bodyId: s.almatyCity.acting.bodyId,
        tab: "new",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const citizen = await createActor(db(), "citizen");
    await expect(listInbox(db(), { viewer: citizen, tab: "new", now })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
