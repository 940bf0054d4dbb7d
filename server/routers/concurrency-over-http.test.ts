import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { appealEvents, appealSupports, appeals, attachments } from "@/db/schema";
import { createActor } from "@/test/actors";
import { answer, citizenWithAppeal, PDF } from "@/test/citizen-fixtures";
import { useTestDatabase } from "@/test/database";
import { bodyIdOf } from "@/test/official-fixtures";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";
import { dataOf, type HttpAnswer, trpcOverHttp } from "@/test/trpc-over-http";

type Filed = { id: string; number: string };

const numberPart = (n: string) => Number(n.split("-")[2]);

/** The multipart form the filing page sends, built afresh for each request as a browser would. */
function appealForm(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("attachments", new File([PDF], "act.pdf", { type: "application/pdf" }));
  return form;
}

const domainCodeOf = (a: HttpAnswer) =>
  (a.body.error?.json as { data?: { domainCode?: string } })?.data?.domainCode;

describe("concurrent submissions through the tRPC HTTP handler", () => {
  const testDb = useTestDatabase();
  // A pool wide enough that the requests really run side by side in PostgreSQL, not one after another.
  let db: Database;
  beforeAll(() => {
    db = createDatabase(testDb.url(), { max: 12 });
  });
  afterAll(() => db.$client.end());

  async function fields(key: string, subject = "Broken street lights on Satpayev Street") {
    return {
      kind: "application",
      bodyId: await bodyIdOf(db, "akimat-almaty-city"),
      category: "housing_utilities",
      region: "almaty_city",
      subject,
      text: "Six street lights between Baizakov and Zheltoksan have been dark for two weeks.",
      locale: "ru",
      idempotencyKey: key,
    };
  }

  it("files one appeal for 20 concurrent submissions with one key, and answers all 20 alike", async () => {
    const citizen = await createActor(db, "citizen");
    const post = trpcOverHttp(db, citizen).mutate;
    const key = randomUUID();
    const form = await fields(key);
    // 20 is the whole hourly filing allowance of a citizen: every request must still be let through.
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post("appeal.file", appealForm(form))),
    );

    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const filed = answers.map((a) => dataOf<Filed>(a));
    expect(new Set(filed.map((f) => JSON.stringify(f))).size).toBe(1);
    const [first] = filed;

    const rows = await db.select().from(appeals).where(eq(appeals.authorId, citizen.id));
    expect(rows.map((r) => [r.id, r.number, r.idempotencyKey])).toEqual([[first?.id, first?.number, key]]);
    const files = await db
      .select()
      .from(attachments)
      .where(eq(attachments.appealId, first?.id ?? ""));
    expect(files).toHaveLength(1);
    const registered = await db
      .select()
      .from(appealEvents)
      .where(and(eq(appealEvents.appealId, first?.id ?? ""), eq(appealEvents.type, "registered")));
    expect(registered).toHaveLength(1);

    // The 19 that lost the race gave their numbers back: the next appeal takes the very next number.
    const next = await trpcOverHttp(db, await createActor(db, "citizen")).mutate(
      "appeal.file",
      appealForm(await fields(randomUUID(), "Potholes on Abai Avenue")),
    );
    expect(numberPart(dataOf<Filed>(next).number)).toBe(numberPart(first?.number ?? "") + 1);
  });

  it("answers 422 to the same key with another body, and never with the first appeal", async () => {
    const citizen = await createActor(db, "citizen");
    const post = trpcOverHttp(db, citizen).mutate;
    const key = randomUUID();
    const first = dataOf<Filed>(await post("appeal.file", appealForm(await fields(key))));

    const otherBody = await fields(key, "Broken street lights on Abai Avenue");
    const changed = await Promise.all(
      Array.from({ length: 5 }, () => post("appeal.file", appealForm(otherBody))),
    );
    for (const a of changed) {
      expect(a.status).toBe(422);
      expect(domainCodeOf(a)).toBe("IDEMPOTENCY_MISMATCH");
      expect(JSON.stringify(a.body)).not.toContain(first.number);
    }
    // Another citizen who learns the key gets the same refusal, not the first citizen's appeal.
    const stranger = trpcOverHttp(db, await createActor(db, "citizen")).mutate;
    const stolen = await stranger("appeal.file", appealForm(await fields(key)));
    expect(stolen.status).toBe(422);
    expect(JSON.stringify(stolen.body)).not.toContain(first.id);

    const again = await post("appeal.file", appealForm(await fields(key)));
    expect([again.status, dataOf<Filed>(again)]).toEqual([200, first]);
    expect(await db.select().from(appeals).where(eq(appeals.idempotencyKey, key))).toHaveLength(1);
  });

  it("files one complaint for 20 concurrent submissions with one key, and refuses the key with other words", async () => {
    const { citizen, appeal } = await citizenWithAppeal(db);
    await answer(db, appeal.id, new Date(appeal.filedAt.getTime() + 86_400_000));
    const post = trpcOverHttp(db, citizen).mutate;
    const key = randomUUID();
    const complaint = (text: string) => ({
      appealId: appeal.id,
      text,
      publishConsent: false,
      locale: "en",
      idempotencyKey: key,
    });
    const words = "The answer ignores the facts I gave: the pipe was never repaired.";

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post("appeal.complain", complaint(words))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const filed = answers.map((a) => dataOf<Filed>(a));
    expect(new Set(filed.map((f) => JSON.stringify(f))).size).toBe(1);
    const rows = await db.select().from(appeals).where(eq(appeals.complaintOfId, appeal.id));
    expect(rows.map((r) => r.id)).toEqual([filed[0]?.id]);

    const other = await post(
      "appeal.complain",
      complaint("On second thought the answer is wrong about the dates."),
    );
    expect([other.status, domainCodeOf(other)]).toEqual([422, "IDEMPOTENCY_MISMATCH"]);
    expect(await db.select().from(appeals).where(eq(appeals.complaintOfId, appeal.id))).toHaveLength(1);
  });

  it("counts one support for 50 concurrent presses of one citizen, and answers every press", async () => {
    const { appeal } = await filePublicAppeal(db, { state: "published" });
    const citizen = await createActor(db, "citizen");
    const { mutate: post, query } = trpcOverHttp(db, citizen);
    // 50 stays under the hourly allowance of 60 supports: every press reaches the race.
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => post("publicAppeals.support", { number: appeal.number })),
    );

    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    for (const a of answers) expect(dataOf(a)).toEqual({ supportCount: 1, supported: true });
    const rows = await db.select().from(appealSupports).where(eq(appealSupports.appealId, appeal.id));
    expect(rows.map((r) => r.userId)).toEqual([citizen.id]);

    const shown = await query("publicAppeals.get", { number: appeal.number });
    expect(dataOf<{ appeal: { supportCount: number } }>(shown).appeal.supportCount).toBe(1);
  });
});
