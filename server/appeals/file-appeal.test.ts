import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealEvents, attachments, mailMessages, notifications, stateBodies } from "@/db/schema";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { fileAppeal } from "./file-appeal";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");

describe("filing an appeal", () => {
  const db = useTestDatabase();
  const bodyId = async (code: string) =>
    (await db().select().from(stateBodies).where(eq(stateBodies.code, code)))[0]?.id ?? "";

  async function file(overrides: Partial<Parameters<typeof fileAppeal>[1]> = {}) {
    const citizen = await createActor(db(), "citizen");
    return fileAppeal(db(), {
      kind: "application",
      bodyId: await bodyId("akimat-almaty-city"),
      category: "housing_utilities",
      region: "almaty_city",
      subject: "No hot water in our block since October",
      text: "Residents of Abai Ave 10 have had no hot water for three weeks.",
      publishConsent: false,
      locale: "ru",
      authorId: citizen.id,
      // Tue 10 Nov 2026, 10:00 in Almaty: a working day, in hours.
      now: new Date("2026-11-10T05:00:00Z"),
      ...overrides,
    });
  }

  it("registers with a number, a server-computed deadline, its files, an event and a receipt e-mail", async () => {
    const { appeal } = await file({ attachments: [{ fileName: "../../act.pdf", bytes: PDF }] });
    expect(appeal.number).toMatch(/^ЖТ-2026-\d{6}$/);
    expect(appeal.registeredOn).toBe("2026-11-10");
    // 15 working days after Tue 10 Nov 2026: 11,12,13 | 16–20 | 23–27 | 30 Nov, 1 Dec → Tue 1 Dec, end of day.
    expect(appeal.dueAt.toISOString()).toBe("2026-12-01T18:59:59.999Z");
    const files = await db().select().from(attachments).where(eq(attachments.appealId, appeal.id));
    expect(files.map((f) => [f.fileName, f.mimeType])).toEqual([["act.pdf", "application/pdf"]]);
    const events = await db().select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id));
    expect(events.map((e) => e.type)).toEqual(["registered"]);
    const mail = await db().select().from(mailMessages).where(eq(mailMessages.appealId, appeal.id));
    expect(mail[0]?.subject).toBe(`Обращение ${appeal.number} зарегистрировано`);
    expect(mail[0]?.text).toContain("1 декабря 2026");
    const inApp = await db().select().from(notifications).where(eq(notifications.appealId, appeal.id));
    expect(inApp.map((n) => n.type)).toEqual(["registered"]);
  });

  it("files by the calendar as changed by another process, read again only when it changed", async () => {
    const before = await file();
    expect(before.appeal.dueAt.toISOString()).toBe("2026-12-01T18:59:59.999Z");
    // Another process (or psql) declares Thu 12 Nov 2026 a holiday: this process's copy is now stale.
    await db().execute(
      sql`insert into calendar_days (date, kind, name) values ('2026-11-12', 'holiday', 'Test holiday')`,
    );
    const after = await file();
    expect(after.appeal.dueAt.toISOString()).toBe("2026-12-02T18:59:59.999Z");
    const [event] = await db().select().from(appealEvents).where(eq(appealEvents.appealId, after.appeal.id));
    expect(event?.data).toMatchObject({ number: after.appeal.number, dueAt: "2026-12-02T18:59:59.999Z" });
    await db().execute(sql`delete from calendar_days where date = '2026-11-12'`);
  });

  it("gives the number back when the filing is refused, so the register has no gap", async () => {
    const numberOf = (n: string) => Number(n.split("-")[2]);
    const first = await file();
    await expect(file({ bodyId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const next = await file();
    expect(numberOf(next.appeal.number)).toBe(numberOf(first.appeal.number) + 1);
  });

  it("registers an appeal filed after hours on the next working day", async () => {
    // Fri 13 Nov 2026, 19:00 in Almaty → registered Mon 16 Nov.
    const { appeal } = await file({ now: new Date("2026-11-13T14:00:00Z") });
    expect(appeal.registeredOn).toBe("2026-11-16");
  });

  it("refuses a file whose bytes are not PDF, JPEG or PNG, whatever its name says", async () => {
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    await expect(file({ attachments: [{ fileName: "scan.pdf", bytes: html }] })).rejects.toMatchObject({
      code: "BAD_ATTACHMENT",
    });
  });

  it("creates one appeal for a repeated idempotency key and refuses the key with other content", async () => {
    const citizen = await createActor(db(), "citizen");
    const key = `key-${Date.now()}`;
    const first = await file({ authorId: citizen.id, idempotencyKey: key });
    const again = await Promise.all([1, 2, 3].map(() => file({ authorId: citizen.id, idempotencyKey: key })));
    expect(again.every((r) => r.appeal.id === first.appeal.id && r.replayed)).toBe(true);
    await expect(file({ authorId: citizen.id, idempotencyKey: key, subject: "Other" })).rejects.toMatchObject(
      {
        code: "IDEMPOTENCY_MISMATCH",
      },
    );
  });

  it("refuses anonymous appeals except reports of a crime, which go at once to the police", async () => {
    await expect(file({ authorId: null, anonymous: true })).rejects.toMatchObject({
      code: "ANONYMOUS_NOT_ALLOWED",
    });
    const { appeal } = await file({
      authorId: null,
      anonymous: true,
      crimeReport: true,
      category: "public_safety",
    });
    expect(appeal.bodyId).not.toBe(await bodyId("akimat-almaty-city"));
    const events = await db().select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id));
    expect(events.map((e) => e.type)).toEqual(["registered", "forwarded"]);
  });

  it("keeps history append-only: the database refuses to update, delete or truncate events", async () => {
    const { appeal } = await file();
    const refused = { cause: { message: expect.stringMatching(/append-only/) } };
    await expect(
      db().execute(sql`update appeal_events set type = 'answered' where appeal_id = ${appeal.id}`),
    ).rejects.toMatchObject(refused);
    await expect(
      db().execute(sql`delete from appeal_events where appeal_id = ${appeal.id}`),
    ).rejects.toMatchObject(refused);
    await expect(db().execute(sql`truncate appeal_events cascade`)).rejects.toMatchObject(refused);
    const events = await db().select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id));
    expect(events.map((e) => e.type)).toEqual(["registered"]);
  });
});
