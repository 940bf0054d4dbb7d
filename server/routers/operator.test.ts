import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { appealEvents, appeals, attachments, smsMessages, stateBodies } from "@/db/schema";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { fileAppeal } from "../appeals/file-appeal";
import { trackAppeal } from "../appeals/track-appeal";
import { fieldErrorsOf } from "../validation";

type Fields = Record<string, string | boolean | File[] | undefined>;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");

/** The multipart form the browser sends: a field left undefined is not sent at all. */
function formOf(fields: Fields): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const file of value) form.append(name, file);
    else form.append(name, String(value));
  }
  return form;
}

describe("assisted filing by a service-centre operator", () => {
  const db = useTestDatabase();
  const bodyId = async (code: string) =>
    (await db().select().from(stateBodies).where(eq(stateBodies.code, code)))[0]?.id ?? "";

  const validInput = async (overrides: Fields = {}) => formOf(await fields(overrides));

  async function fields(overrides: Fields = {}): Promise<Fields> {
    return {
      applicantName: "Гүлнар Ахметқызы Сейітова",
      phone: "8 (701) 123-45-67",
      locale: "kk",
      kind: "application",
      category: "housing_utilities",
      region: "almaty_city",
      bodyId: await bodyId("akimat-almaty-city"),
      subject: "Broken lift in the building",
      text: "The lift in our nine-storey building has not worked for a month; elderly residents cannot go out.",
      publishConsent: false,
      consent: true,
      idempotencyKey: crypto.randomUUID(),
      ...overrides,
    };
  }

  async function badRequest(call: Promise<unknown>) {
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    const cause = (error as TRPCError).cause;
    expect(cause).toBeInstanceOf(ZodError);
    return fieldErrorsOf(cause as ZodError);
  }

  const filedBy = async (operatorId: string) =>
    db().select().from(appeals).where(eq(appeals.filedById, operatorId));

  it("files for the citizen with their consent and contacts, and returns the number and a one-time code", async () => {
    const operator = await createActor(db(), "operator");
    const receipt = await callerFor(db(), operator).operator.file(
      await validInput({ email: "gulnar@example.kz" }),
    );
    expect(receipt.number).toMatch(/^ЖТ-\d{4}-\d{6}$/);
    expect(receipt.accessCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);

    const [appeal] = await filedBy(operator.id);
    expect(appeal).toMatchObject({
      id: receipt.id,
      channel: "assisted",
      authorId: null,
      filedById: operator.id,
      applicantName: "Гүлнар Ахметқызы Сейітова",
      applicantPhone: "+77011234567",
      applicantAddress: null,
      applicantEmail: "gulnar@example.kz",
      locale: "kk",
    });
    expect(appeal?.consentRecordedAt).toBeInstanceOf(Date);
    // Only a hash is kept: the code itself is nowhere in the row.
    expect(JSON.stringify(appeal)).not.toContain(receipt.accessCode);
    const events = await db().select().from(appealEvents).where(eq(appealEvents.appealId, receipt.id));
    expect(events.map((e) => [e.type, e.actorId, e.actorRole])).toEqual([
      ["registered", operator.id, "operator"],
    ]);
  });

  it("keeps the scanned paper with the appeal, its type read from the bytes", async () => {
    const operator = await createActor(db(), "operator");
    const caller = callerFor(db(), operator);
    const scan = new File([PDF], "заявление.pdf", { type: "application/pdf" });
    const receipt = await caller.operator.file(await validInput({ attachments: [scan] }));
    const files = await db().select().from(attachments).where(eq(attachments.appealId, receipt.id));
    expect(files.map((f) => [f.fileName, f.mimeType, f.size, f.uploadedById])).toEqual([
      ["заявление.pdf", "application/pdf", PDF.length, operator.id],
    ]);
    const fake = new File(["<html><script>alert(1)</script></html>"], "scan.pdf", {
      type: "application/pdf",
    });
    const fields = await badRequest(caller.operator.file(await validInput({ attachments: [fake] })));
    expect(fields["attachments.0"]?.key).toBe("fileType");
  });

  it("refuses to file without the citizen's consent", async () => {
    const operator = await createActor(db(), "operator");
    const caller = callerFor(db(), operator);
    const fields = await badRequest(caller.operator.file(await validInput({ consent: false })));
    expect(fields.consent).toEqual({ key: "consentRequired", values: {} });
    const missing = await badRequest(caller.operator.file(await validInput({ consent: undefined })));
    expect(missing.consent?.key).toBe("consentRequired");
    expect(await filedBy(operator.id)).toEqual([]);
  });

  it("needs a phone or a postal address, and takes either alone", async () => {
    const operator = await createActor(db(), "operator");
    const caller = callerFor(db(), operator);
    const noContact = await validInput({ phone: undefined, email: "has-only-email@example.kz" });
    const fields = await badRequest(caller.operator.file(noContact));
    expect(fields.contact).toEqual({ key: "contactRequired", values: {} });
    await caller.operator.file(await validInput({ phone: "+7 777 000 11 22" }));
    await caller.operator.file(await validInput({ phone: undefined, address: "Қостанай, Әл-Фараби 5, 12" }));
    const rows = await filedBy(operator.id);
    expect(rows.map((a) => [a.applicantPhone, a.applicantAddress]).sort()).toEqual([
      ["+77770001122", null],
      [null, "Қостанай, Әл-Фараби 5, 12"],
    ]);
  });

  it("checks the phone by the code sent to it, and says what to do when the code is missing or wrong", async () => {
    const operator = await createActor(db(), "operator");
    const caller = callerFor(db(), operator);
    const phone = "+7 701 555 00 31";
    const noSms = await badRequest(caller.operator.file(await validInput({ phone, phoneCode: "123456" })));
    expect(noSms.phoneCode).toEqual({ key: "phoneCodeFirst", values: {} });
    const { verificationId } = await caller.operator.sendPhoneCode({ phone, locale: "kk" });
    const noCode = await badRequest(
      caller.operator.file(await validInput({ phone, phoneVerificationId: verificationId })),
    );
    expect(noCode.phoneCode).toEqual({ key: "phoneCodeRequired", values: {} });
    const [sms] = await db().select().from(smsMessages).where(eq(smsMessages.to, "+77015550031"));
    const code = sms?.text.match(/\d{6}/)?.[0] ?? "";
    const wrong = code === "000000" ? "111111" : "000000";
    await expect(
      caller.operator.file(
        await validInput({ phone, phoneVerificationId: verificationId, phoneCode: wrong }),
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "BAD_CODE" });
    // Another phone than the code was sent to does not pass either.
    await expect(
      caller.operator.file(
        await validInput({ phone: "+7 701 555 00 32", phoneVerificationId: verificationId, phoneCode: code }),
      ),
    ).rejects.toMatchObject({ message: "BAD_CODE" });
    const receipt = await caller.operator.file(
      await validInput({ phone, phoneVerificationId: verificationId, phoneCode: code }),
    );
    const [filed] = await db().select().from(appeals).where(eq(appeals.id, receipt.id));
    expect(filed?.applicantPhoneVerifiedAt).not.toBeNull();
    const unchecked = await caller.operator.file(await validInput({ phone }));
    const [plain] = await db().select().from(appeals).where(eq(appeals.id, unchecked.id));
    expect(plain?.applicantPhoneVerifiedAt).toBeNull();
  });

  it("reports every bad field at once, the missing contact included, with catalogue keys", async () => {
    const operator = await createActor(db(), "operator");
    const fields = await badRequest(
      callerFor(db(), operator).operator.file(
        await validInput({
          applicantName: " ",
          phone: undefined,
          email: "not-an-email",
          subject: "Hi",
          bodyId: "not-a-uuid",
          consent: false,
        }),
      ),
    );
    expect(fields).toMatchObject({
      applicantName: { key: "required" },
      email: { key: "email" },
      subject: { key: "tooShort", values: { min: 5 } },
      bodyId: { key: "format" },
      consent: { key: "consentRequired" },
      contact: { key: "contactRequired" },
    });
    const badPhone = await badRequest(
      callerFor(db(), operator).operator.file(await validInput({ phone: "12345" })),
    );
    expect(badPhone.phone).toEqual({ key: "format", values: {} });
    const sneaky = await validInput({ authorId: operator.id });
    const unknown = await badRequest(callerFor(db(), operator).operator.file(sneaky));
    expect(unknown._form?.key).toBe("unknownField");
    expect(await filedBy(operator.id)).toEqual([]);
  });

  it("files once for a repeated key, and a retry gets a fresh code that replaces the one never shown", async () => {
    const operator = await createActor(db(), "operator");
    const caller = callerFor(db(), operator);
    const input = await fields();
    const first = await caller.operator.file(formOf(input));
    const retry = await caller.operator.file(formOf(input));
    expect(retry.id).toBe(first.id);
    expect(retry.number).toBe(first.number);
    expect(retry.accessCode).not.toBe(first.accessCode);
    expect(await filedBy(operator.id)).toHaveLength(1);
    await expect(trackAppeal(db(), { number: first.number, code: first.accessCode })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await trackAppeal(db(), { number: first.number, code: retry.accessCode })).number).toBe(
      first.number,
    );

    await expect(
      caller.operator.file(formOf({ ...input, subject: "Another subject" })),
    ).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: "IDEMPOTENCY_MISMATCH",
    });
    // Another operator who somehow has the key cannot take over the filing's code.
    const other = await createActor(db(), "operator");
    await expect(callerFor(db(), other).operator.file(formOf(input))).rejects.toMatchObject({
      message: "IDEMPOTENCY_MISMATCH",
    });
    expect((await trackAppeal(db(), { number: first.number, code: retry.accessCode })).number).toBe(
      first.number,
    );
  });

  it("refuses every operator procedure to anyone who is not an operator", async () => {
    const almaty = await bodyId("akimat-almaty-city");
    const operator = await createActor(db(), "operator");
    const receipt = await callerFor(db(), operator).operator.file(await validInput());
    const outsiders = [
      { caller: callerFor(db(), null), code: "UNAUTHORIZED" },
      { caller: callerFor(db(), await createActor(db(), "citizen")), code: "FORBIDDEN" },
      { caller: callerFor(db(), await createActor(db(), "official", { bodyId: almaty })), code: "FORBIDDEN" },
      { caller: callerFor(db(), await createActor(db(), "moderator")), code: "FORBIDDEN" },
      { caller: callerFor(db(), await createActor(db(), "auditor")), code: "FORBIDDEN" },
      { caller: callerFor(db(), await createActor(db(), "admin")), code: "FORBIDDEN" },
    ];
    for (const { caller, code } of outsiders) {
      await expect(caller.operator.file(await validInput())).rejects.toMatchObject({ code });
      await expect(caller.operator.listFiled()).rejects.toMatchObject({ code });
      await expect(caller.operator.receipt({ id: receipt.id })).rejects.toMatchObject({ code });
    }
    expect(await filedBy(operator.id)).toHaveLength(1);
  });

  it("shows an operator only their own filings and receipts", async () => {
    const mine = await createActor(db(), "operator");
    const theirs = await createActor(db(), "operator");
    const own = await callerFor(db(), mine).operator.file(await validInput({ subject: "Mine to follow" }));
    const other = await callerFor(db(), theirs).operator.file(
      await validInput({ subject: "Theirs to follow" }),
    );
    const citizen = await createActor(db(), "citizen");
    const { appeal: online } = await fileAppeal(db(), {
      kind: "application",
      bodyId: await bodyId("akimat-astana"),
      category: "other",
      region: null,
      subject: "Filed online by a citizen",
      text: "A citizen's own appeal that no operator filed.",
      publishConsent: false,
      locale: "ru",
      authorId: citizen.id,
    });

    const caller = callerFor(db(), mine);
    const listed = await caller.operator.listFiled();
    expect(listed.map((a) => a.number)).toEqual([own.number]);
    expect(listed[0]).toMatchObject({ subject: "Mine to follow", status: "registered", overdue: false });
    expect(await caller.operator.receipt({ id: own.id })).toMatchObject({
      number: own.number,
      applicantName: "Гүлнар Ахметқызы Сейітова",
      body: { nameEn: "Akimat of Almaty" },
    });
    for (const id of [other.id, online.id, crypto.randomUUID()]) {
      await expect(caller.operator.receipt({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const fields = await badRequest(caller.operator.receipt({ id: "x" }));
    expect(fields.id?.key).toBe("format");
  });
});
