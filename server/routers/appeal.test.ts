import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appeals, attachments } from "@/db/schema";
import { hitRateLimit, RATE_RULES } from "@/server/rate-limit/hit-rate-limit";
import { callerFor, createActor } from "@/test/actors";
import { answer, askToClarify, citizenWithAppeal, PDF } from "@/test/citizen-fixtures";
import { useTestDatabase } from "@/test/database";
import { almaty, bodyIdOf, officialOf } from "@/test/official-fixtures";
import { allowClarificationPause } from "@/test/pause-policy";

/** The multipart form the filing page sends. */
function appealForm(fields: Record<string, string>, files: File[] = []) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append("attachments", f);
  return form;
}

const pdfFile = (name = "act.pdf") => new File([PDF], name, { type: "application/pdf" });

async function errorOf(p: Promise<unknown>) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

// The formatter's shape without going over HTTP: the ZodError cause is what it turns into fieldErrors.
async function fieldErrorsOf(p: Promise<unknown>) {
  const { fieldErrorsOf: format } = await import("@/server/validation");
  const error = await errorOf(p);
  expect(error.code).toBe("BAD_REQUEST");
  return format(error.cause as never);
}

describe("appeal procedures", () => {
  const db = useTestDatabase();

  async function validFields() {
    return {
      kind: "application",
      bodyId: await bodyIdOf(db(), "akimat-almaty-city"),
      category: "housing_utilities",
      region: "almaty_city",
      subject: "No heating in the school gym",
      text: "The gym of school No. 12 has had no heating since the first of November.",
      publishConsent: "true",
      locale: "ru",
      idempotencyKey: randomUUID(),
    };
  }

  it("files an appeal from a form with a file and answers with its id and number", async () => {
    const citizen = await createActor(db(), "citizen");
    const result = await callerFor(db(), citizen).appeal.file(appealForm(await validFields(), [pdfFile()]));
    expect(Object.keys(result).sort()).toEqual(["id", "number"]);
    expect(result.number).toMatch(/^ЖТ-\d{4}-\d{6}$/);
    const [row] = await db().select().from(appeals).where(eq(appeals.id, result.id));
    expect(row).toMatchObject({ authorId: citizen.id, publishConsent: true, locale: "ru", anonymous: false });
    const files = await db().select().from(attachments).where(eq(attachments.appealId, result.id));
    expect(files.map((f) => [f.fileName, f.mimeType])).toEqual([["act.pdf", "application/pdf"]]);
  });

  it("creates one appeal when the same form is sent twice at once", async () => {
    const citizen = await createActor(db(), "citizen");
    const fields = await validFields();
    const caller = callerFor(db(), citizen);
    const [a, b] = await Promise.all([
      caller.appeal.file(appealForm(fields)),
      caller.appeal.file(appealForm(fields)),
    ]);
    expect(b.id).toBe(a.id);
    expect(await db().select().from(appeals).where(eq(appeals.authorId, citizen.id))).toHaveLength(1);
  });

  it("answers a retry of a committed filing with its number even past the filing limit, and counts new ones", async () => {
    const citizen = await createActor(db(), "citizen");
    const caller = callerFor(db(), citizen);
    const fields = await validFields();
    const filed = await caller.appeal.file(appealForm(fields));
    for (let i = 1; i < RATE_RULES.fileAppeal.limit; i++) await hitRateLimit(db(), "fileAppeal", citizen.id);
    // The connection dropped before the answer arrived: the phone sends the same form again, twice.
    expect(await caller.appeal.file(appealForm(fields))).toEqual(filed);
    expect(await caller.appeal.file(appealForm(fields))).toEqual(filed);
    const another = await errorOf(
      caller.appeal.file(appealForm({ ...fields, idempotencyKey: randomUUID() })),
    );
    expect(another).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "RATE_LIMITED" });
    expect(await db().$count(appeals, eq(appeals.authorId, citizen.id))).toBe(1);
  });

  it("files a report of a crime with no author at all, and sends it on to the police", async () => {
    const citizen = await createActor(db(), "citizen");
    const fields = { ...(await validFields()), category: "public_safety", crimeReport: "true" };
    const { id } = await callerFor(db(), citizen).appeal.file(appealForm(fields));
    const [row] = await db().select().from(appeals).where(eq(appeals.id, id));
    expect(row).toMatchObject({ authorId: null, anonymous: true, status: "registered" });
    expect(row?.bodyId).not.toBe(fields.bodyId);
    expect(JSON.stringify(row)).not.toContain(citizen.id);
    // Not the citizen's to follow: it carries no trace of them.
    expect(await callerFor(db(), citizen).appeal.mine()).toEqual([]);
  });

  it("reports each bad field with a catalogue key and files nothing", async () => {
    const citizen = await createActor(db(), "citizen");
    const bad = appealForm(
      {
        category: "not-a-category",
        subject: "Hi",
        text: "Too short",
        locale: "ru",
        idempotencyKey: randomUUID(),
      },
      [new File([Buffer.from("<html></html>")], "scan.pdf", { type: "application/pdf" })],
    );
    const errors = await fieldErrorsOf(callerFor(db(), citizen).appeal.file(bad));
    expect(errors).toMatchObject({
      kind: { key: "required" },
      bodyId: { key: "required" },
      category: { key: "invalid" },
      subject: { key: "tooShort", values: { min: 5 } },
      text: { key: "tooShort", values: { min: 20 } },
      "attachments.0": { key: "fileType" },
    });
    expect(await db().select().from(appeals).where(eq(appeals.authorId, citizen.id))).toEqual([]);
  });

  it("refuses too many files, a file over 5 MB, a text over the limit and a field the form does not have", async () => {
    const citizen = await createActor(db(), "citizen");
    const caller = callerFor(db(), citizen);
    const six = Array.from({ length: 6 }, (_, i) => pdfFile(`f${i}.pdf`));
    expect(await fieldErrorsOf(caller.appeal.file(appealForm(await validFields(), six)))).toMatchObject({
      attachments: { key: "tooManyFiles" },
    });
    const big = new File([PDF, Buffer.alloc(5 * 1024 * 1024)], "big.pdf");
    expect(await fieldErrorsOf(caller.appeal.file(appealForm(await validFields(), [big])))).toMatchObject({
      "attachments.0": { key: "fileTooBig", values: { maxMegabytes: 5 } },
    });
    const long = { ...(await validFields()), text: "x".repeat(10_001) };
    expect(await fieldErrorsOf(caller.appeal.file(appealForm(long)))).toMatchObject({
      text: { key: "tooLong", values: { max: 10_000 } },
    });
    const sneaky = { ...(await validFields()), authorId: randomUUID() };
    expect(await fieldErrorsOf(caller.appeal.file(appealForm(sneaky)))).toMatchObject({
      _form: { key: "unknownField" },
    });
    expect(await db().select().from(appeals).where(eq(appeals.authorId, citizen.id))).toEqual([]);
  });

  it("lets only a signed-in citizen file", async () => {
    const form = appealForm(await validFields());
    expect((await errorOf(callerFor(db(), null).appeal.file(form))).code).toBe("UNAUTHORIZED");
    const { user: official } = await officialOf(db(), "akimat-almaty-city");
    expect((await errorOf(callerFor(db(), official).appeal.file(form))).code).toBe("FORBIDDEN");
  });

  it("lists a citizen's own appeals with the deadline and days left", async () => {
    const { citizen, appeal } = await citizenWithAppeal(db());
    const mine = await callerFor(db(), citizen).appeal.mine();
    expect(mine.map((a) => a.number)).toEqual([appeal.number]);
    expect(mine[0]?.body.nameEn).toBe("Akimat of Almaty");
    expect(mine[0]?.dueAt.toISOString()).toBe("2026-12-01T18:59:59.999Z");
    const other = await createActor(db(), "citizen");
    expect(await callerFor(db(), other).appeal.mine()).toEqual([]);
  });

  it("shows an appeal with its history and the steps open to the applicant", async () => {
    // With the term paused while the citizen clarifies, the appeal is not overdue whatever today's date.
    await allowClarificationPause(db());
    const { citizen, appeal } = await citizenWithAppeal(db());
    await askToClarify(db(), appeal.id, almaty("2026-11-12T11:00:00"));
    const caller = callerFor(db(), citizen);
    const view = await caller.appeal.get({ id: appeal.id });
    expect(view.appeal.number).toBe(appeal.number);
    expect(view.question).toBe("Which entrance of the block has no hot water?");
    expect(view.can).toEqual({ clarify: true, rate: false, complain: false });
    expect(view.timeline.map((e) => e.type)).toEqual(["registered", "clarification_requested"]);
    expect(JSON.stringify(view)).not.toMatch(/idempotency|accessCode|requestHash|executor/i);

    const form = new FormData();
    form.append("appealId", appeal.id);
    form.append("reply", "The second entrance, flats 20 to 40.");
    form.append("attachments", pdfFile("plan.pdf"));
    expect((await caller.appeal.provideClarification(form)).status).toBe("in_progress");

    await answer(db(), appeal.id, almaty("2026-11-25T12:00:00"));
    const answered = await caller.appeal.get({ id: appeal.id });
    expect(answered.answer).toMatchObject({ decision: "refused", onTime: true });
    expect(answered.answer?.body.nameEn).toBe("Akimat of Almaty");
    expect(answered.can).toEqual({ clarify: false, rate: true, complain: true });
    expect(answered.attachments.map((f) => [f.fileName, f.sentWith])).toEqual([
      ["plan.pdf", "clarification_provided"],
    ]);

    await caller.appeal.rate({ appealId: appeal.id, outcome: "not_resolved", quality: 2, heard: false });
    const complaint = await caller.appeal.complain({
      appealId: appeal.id,
      text: "The answer does not say when the pipe will be repaired.",
      publishConsent: false,
      locale: "en",
      idempotencyKey: randomUUID(),
    });
    const after = await caller.appeal.get({ id: appeal.id });
    expect(after.can).toEqual({ clarify: false, rate: false, complain: false });
    expect(after.complaints.map((c) => c.number)).toEqual([complaint.number]);
    const complaintView = await caller.appeal.get({ id: complaint.id });
    expect(complaintView.complaintOf).toEqual({ id: appeal.id, number: appeal.number });
  });

  it("refuses a rating out of range with a field error", async () => {
    const { citizen, appeal } = await citizenWithAppeal(db());
    const errors = await fieldErrorsOf(
      callerFor(db(), citizen).appeal.rate({
        appealId: appeal.id,
        outcome: "resolved",
        quality: 6,
        heard: true,
      }),
    );
    expect(errors).toMatchObject({ quality: { key: "tooBig", values: { max: 5 } } });
  });

  it("gives another citizen, an official and an anonymous caller nothing of an appeal that is not theirs", async () => {
    const { appeal } = await citizenWithAppeal(db());
    await askToClarify(db(), appeal.id, almaty("2026-11-12T11:00:00"));
    const reply = () => {
      const form = new FormData();
      form.append("appealId", appeal.id);
      form.append("reply", "Not my appeal, but let me try.");
      return form;
    };
    // Thunks: each call starts only when its refusal is awaited.
    const calls = (caller: ReturnType<typeof callerFor>) => [
      () => caller.appeal.get({ id: appeal.id }),
      () => caller.appeal.provideClarification(reply()),
      () => caller.appeal.rate({ appealId: appeal.id, outcome: "resolved", quality: 5, heard: true }),
      () =>
        caller.appeal.complain({
          appealId: appeal.id,
          text: "A complaint by someone who is not the applicant.",
          publishConsent: false,
          locale: "en",
          idempotencyKey: randomUUID(),
        }),
    ];
    const stranger = await createActor(db(), "citizen");
    for (const call of calls(callerFor(db(), stranger)))
      expect((await errorOf(call())).code).toBe("NOT_FOUND");
    expect(await callerFor(db(), stranger).appeal.mine()).toEqual([]);
    for (const code of ["akimat-astana", "akimat-almaty-city"]) {
      const { user } = await officialOf(db(), code);
      for (const call of calls(callerFor(db(), user))) expect((await errorOf(call())).code).toBe("FORBIDDEN");
    }
    for (const call of calls(callerFor(db(), null)))
      expect((await errorOf(call())).code).toBe("UNAUTHORIZED");
    expect((await errorOf(callerFor(db(), null).appeal.mine())).code).toBe("UNAUTHORIZED");
    // Nothing changed: the appeal still waits for its own applicant's clarification.
    const [row] = await db().select().from(appeals).where(eq(appeals.id, appeal.id));
    expect(row?.status).toBe("awaiting_clarification");
  });
});

describe("directory procedures", () => {
  const db = useTestDatabase();

  it("lists bodies to anyone, named and searched in the reader's language", async () => {
    const anonymous = callerFor(db(), null);
    const all = await anonymous.directory.list({ locale: "en" });
    expect(all.length).toBeGreaterThanOrEqual(60);
    const kk = await anonymous.directory.list({ locale: "kk", search: "ШЫМКЕНТ қаласының" });
    expect(kk.map((b) => b.name)).toContain("Шымкент қаласының әкімдігі");
    expect(kk.every((b) => b.name.toLocaleLowerCase("kk").includes("шымкент"))).toBe(true);
    const ru = await anonymous.directory.list({ locale: "ru", search: "акимат города алматы" });
    expect(ru[0]?.name).toBe("Акимат города Алматы");
  });

  it("suggests the competent body for a category and region", async () => {
    const [first] = await callerFor(db(), null).directory.suggest({
      category: "public_safety",
      region: "almaty_city",
    });
    expect(first?.code).toBe("police-almaty-city");
  });
});
