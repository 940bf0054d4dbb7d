import { eq, inArray } from "drizzle-orm";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { mailMessages } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { MAX_MAIL_ATTEMPTS, mailerFromEnvironment, sendQueuedMail } from "./send-mail";

const minutes = (n: number) => n * 60_000;

describe("sending queued mail", () => {
  const db = useTestDatabase();

  async function queue(to: string) {
    const [row] = await db()
      .insert(mailMessages)
      .values({ to, subject: `Subject for ${to}`, text: "Body" })
      .returning();
    if (!row) throw new Error("not queued");
    return row;
  }
  const load = async (id: string) =>
    (await db().select().from(mailMessages).where(eq(mailMessages.id, id)))[0];

  it("keeps every message when no SMTP server is configured", async () => {
    const a = await queue("kept-a@example.kz");
    const b = await queue("kept-b@example.kz");
    expect(mailerFromEnvironment({})).toBeNull();
    await sendQueuedMail(db(), new Date(), null);
    const rows = await db()
      .select()
      .from(mailMessages)
      .where(inArray(mailMessages.id, [a.id, b.id]));
    expect(rows.map((r) => r.status)).toEqual(["kept", "kept"]);
  });

  it("sends through the transport and records the time", async () => {
    const message = await queue("sent@example.kz");
    const sent: unknown[] = [];
    // A transport that only remembers what it was given.
    const transport = nodemailer.createTransport({
      name: "memory",
      version: "1",
      send(mail, done) {
        sent.push(mail.data.to);
        const envelope = mail.message.getEnvelope();
        done(null, {
          envelope,
          messageId: "test",
          accepted: envelope.to,
          rejected: [],
          pending: [],
          response: "250",
        });
      },
    });
    const now = new Date(message.createdAt.getTime() + 1000);
    await sendQueuedMail(db(), now, { transport, from: "Tyndau <no-reply@tyndau.kz>" });
    const after = await load(message.id);
    expect(after?.status).toBe("sent");
    expect(after?.attempts).toBe(1);
    expect(after?.sentAt?.toISOString()).toBe(now.toISOString());
    expect(sent).toEqual(["sent@example.kz"]);
  });

  it("retries a failing server with growing waits, then gives the message up", async () => {
    // Nothing listens on port 1: every attempt is refused at once.
    await db().update(mailMessages).set({ status: "sent" }).where(eq(mailMessages.status, "queued"));
    const message = await queue("unlucky@example.kz");
    const mailer = mailerFromEnvironment({ SMTP_URL: "smtp://127.0.0.1:1" });
    if (!mailer) throw new Error("no mailer");
    // +1 ms: the database keeps microseconds that the Date read back has lost.
    const at = (m: number) => new Date(message.createdAt.getTime() + minutes(m) + 1);

    await sendQueuedMail(db(), at(0), mailer);
    let row = await load(message.id);
    expect([row?.status, row?.attempts]).toEqual(["queued", 1]);
    expect(row?.lastError).toMatch(/ECONNREFUSED|connect/i);

    // Attempt n+1 waits until createdAt + (2^n − 1) minutes: the second at +1 min, the third at +3.
    await sendQueuedMail(db(), at(0.5), mailer);
    expect((await load(message.id))?.attempts).toBe(1);
    await sendQueuedMail(db(), at(1), mailer);
    expect((await load(message.id))?.attempts).toBe(2);
    await sendQueuedMail(db(), at(2.9), mailer);
    expect((await load(message.id))?.attempts).toBe(2);
    await sendQueuedMail(db(), at(3), mailer);
    expect((await load(message.id))?.attempts).toBe(3);

    // One attempt per run, however late the run.
    for (let attempt = 4; attempt <= MAX_MAIL_ATTEMPTS; attempt++) {
      await sendQueuedMail(db(), at(10_000), mailer);
      expect((await load(message.id))?.attempts).toBe(attempt);
    }
    row = await load(message.id);
    expect([row?.status, row?.attempts]).toEqual(["failed", 8]);
    await sendQueuedMail(db(), at(20_000), mailer);
    expect((await load(message.id))?.attempts).toBe(8);
  });
});
