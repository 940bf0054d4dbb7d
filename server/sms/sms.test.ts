import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appeals, smsMessages, stateBodies } from "@/db/schema";
import { createActor } from "@/test/actors";
import { captureLogs } from "@/test/capture-logs";
import { useTestDatabase } from "@/test/database";
import { startTestSmsc, type TestSmsc } from "@/test/smsc";
import { forwardAppeal } from "../appeals/forward-appeal";
import { fileAssistedAppeal } from "../operator/file-assisted-appeal";
import { answerStatusQuery } from "./answer-status-query";
import { confirmPhoneCode, PHONE_CODE_ATTEMPTS, sendPhoneCode } from "./phone-verification";
import { queueSms, SMS_DAILY_CAP } from "./queue-sms";
import { recordReceipt, smsDelivery } from "./record-receipt";
import { ESM_UDHI, segmentSms } from "./segments";
import { SmsLeftQueuedError, sendQueuedSms } from "./send-queued-sms";
import { SmppGateway, smppConfigFromEnvironment } from "./smpp-gateway";

const KAZAKH_LONG =
  "Тыңдау: ЖТ-2026-000123 өтінішіңізге жауап берілді. Жауапты сайттан немесе халыққа қызмет көрсету " +
  "орталығынан алыңыз. Әкімдік аулаңыздағы жарықты қалпына келтірді, шұңқырлар жөнделді, ағаштар отырғызылды.";

async function until<T>(probe: () => Promise<T | null | undefined | false> | T | null | undefined | false) {
  // Generous: the machine running the tests is shared and slow, and nothing here depends on speed.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("waited 20 s in vain");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("splitting a text into SMS", () => {
  it("sends Kazakh as UCS-2, split into parts of 67 characters that carry reference, total and sequence", () => {
    const { dataCoding, parts } = segmentSms(KAZAKH_LONG, 0x2a);
    expect(dataCoding).toBe(8);
    expect(parts).toHaveLength(Math.ceil(KAZAKH_LONG.length / 67));
    parts.forEach((part, i) => {
      expect([...part.subarray(0, 6)]).toEqual([0x05, 0x00, 0x03, 0x2a, parts.length, i + 1]);
      expect(part.length).toBeLessThanOrEqual(140);
    });
    const joined = parts.map((p) => p.subarray(6).swap16().toString("utf16le")).join("");
    expect(joined).toBe(KAZAKH_LONG);
  });

  it("keeps a short Kazakh text in one SMS of 70 characters, and Latin text in the GSM alphabet up to 160", () => {
    expect(segmentSms("ә".repeat(70), 1).parts).toHaveLength(1);
    expect(segmentSms("ә".repeat(71), 1).parts).toHaveLength(2);
    const latin = segmentSms("a".repeat(160), 1);
    expect(latin).toMatchObject({ dataCoding: 0 });
    expect(latin.parts).toHaveLength(1);
    expect(segmentSms("a".repeat(161), 1).parts.map((p) => p.length)).toEqual([6 + 153, 6 + 8]);
  });

  it("never cuts a character in two: a surrogate pair stays in one part", () => {
    const text = `${"ә".repeat(66)}😀${"ә".repeat(10)}`;
    const { parts } = segmentSms(text, 1);
    expect(parts[0]?.length).toBe(6 + 66 * 2);
    expect(parts.map((p) => p.subarray(6).swap16().toString("utf16le")).join("")).toBe(text);
  });
});

describe("SMS over SMPP to a local SMSC", () => {
  const db = useTestDatabase();
  let smsc: TestSmsc;
  let gateway: SmppGateway;

  beforeAll(async () => {
    smsc = await startTestSmsc();
    const config = smppConfigFromEnvironment({ SMPP_URL: smsc.url, SMPP_SOURCE_ADDR: "1414" });
    if (!config) throw new Error("no SMPP configuration");
    gateway = new SmppGateway(config, {
      onReceipt: (receipt) => recordReceipt(db(), receipt),
      onInbound: async (sms) => {
        await answerStatusQuery(db(), sms);
      },
    });
    gateway.start();
    await until(() => gateway.isBound);
  });
  afterAll(async () => {
    await gateway.stop();
    await smsc.close();
  });

  const queued = (to: string, text: string) =>
    db().transaction((tx) => queueSms(tx, { to, text, kind: "notice" }));
  const rowsTo = (to: string) => db().select().from(smsMessages).where(eq(smsMessages.to, to));

  it("submits a queued SMS, and records its delivery receipt against it", async () => {
    await queued("+77015550001", "Тыңдау: сынақ");
    expect(await sendQueuedSms(db(), new Date(), gateway)).toBe(1);
    const [part] = smsc.submitted.filter((p) => p.to === "77015550001");
    expect(part).toMatchObject({ from: "1414", dataCoding: 8, registeredDelivery: 1, text: "Тыңдау: сынақ" });
    const [row] = await rowsTo("+77015550001");
    expect(row).toMatchObject({ status: "sent", attempts: 1, parts: 1, smscIds: [part?.messageId] });

    const delivery = () =>
      db()
        .select({ delivery: smsDelivery })
        .from(smsMessages)
        .where(eq(smsMessages.id, row?.id ?? ""))
        .then((r) => r[0]?.delivery);
    expect(await delivery()).toBe("pending");
    smsc.sendReceipt(part?.messageId ?? "", "DELIVRD");
    await until(async () => (await delivery()) === "delivered");
  });

  it("splits a long Kazakh message into concatenated SMS that the phone joins back", async () => {
    await queued("+77015550002", KAZAKH_LONG);
    await sendQueuedSms(db(), new Date(), gateway);
    const parts = smsc.submitted.filter((p) => p.to === "77015550002");
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.esmClass & ESM_UDHI).toBe(ESM_UDHI);
      expect(p.concat).toMatchObject({ total: parts.length });
    }
    expect(new Set(parts.map((p) => p.concat?.reference)).size).toBe(1);
    expect(smsc.textsTo("77015550002")).toEqual([KAZAKH_LONG]);
    const [row] = await rowsTo("+77015550002");
    expect(row?.smscIds).toEqual(parts.map((p) => p.messageId));
    // Undelivered once any part is reported lost.
    smsc.sendReceipt(parts[0]?.messageId ?? "", "DELIVRD");
    smsc.sendReceipt(parts[1]?.messageId ?? "", "UNDELIV");
    await until(async () => {
      const [r] = await db()
        .select({ delivery: smsDelivery })
        .from(smsMessages)
        .where(eq(smsMessages.id, row?.id ?? ""));
      return r?.delivery === "undelivered";
    });
  });

  it("retries through the queue after the SMSC drops the connection, once the gateway is bound again", async () => {
    await queued("+77015550003", "Тыңдау: қайта");
    smsc.dropNextSubmit();
    const now = new Date();
    await expect(sendQueuedSms(db(), now, gateway)).rejects.toBeInstanceOf(SmsLeftQueuedError);
    const [failed] = await rowsTo("+77015550003");
    expect(failed).toMatchObject({ status: "queued", attempts: 1 });
    expect(failed?.lastError).toMatch(/no_connection/);
    // Not due before its backoff.
    expect(await sendQueuedSms(db(), now, gateway)).toBe(0);
    const later = new Date(now.getTime() + 31_000);
    await until(() => gateway.isBound);
    expect(await sendQueuedSms(db(), later, gateway)).toBe(1);
    const [sent] = await rowsTo("+77015550003");
    expect(sent).toMatchObject({ status: "sent", attempts: 2 });
    expect(smsc.textsTo("77015550003")).toEqual(["Тыңдау: қайта"]);
  });

  it("retries when the SMSC answers an error, and gives up after the last attempt", async () => {
    await queued("+77015550004", "Тыңдау: қате");
    smsc.refuseNextSubmit(0x58); // ESME_RTHROTTLED
    await expect(sendQueuedSms(db(), new Date(), gateway)).rejects.toBeInstanceOf(SmsLeftQueuedError);
    const [row] = await rowsTo("+77015550004");
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row?.lastError).toMatch(/refused 0x58/);
    await db()
      .update(smsMessages)
      .set({ attempts: 7 })
      .where(eq(smsMessages.id, row?.id ?? ""));
    smsc.refuseNextSubmit(0x58);
    expect(await sendQueuedSms(db(), new Date(Date.now() + 3600_000), gateway)).toBe(1);
    expect((await rowsTo("+77015550004"))[0]).toMatchObject({ status: "failed", attempts: 8 });
  });

  it("keeps SMS at the cap of a number a day, never sending them, and logs the number only hashed", async () => {
    const logs = captureLogs();
    for (let i = 0; i < SMS_DAILY_CAP + 2; i++) await queued("+77015550005", `Тыңдау ${i}`);
    logs.stop();
    expect(logs.entries().filter((e) => e.msg === "sms daily cap reached")).toHaveLength(2);
    expect(logs.text()).not.toContain("7015550005");
    const rows = await rowsTo("+77015550005");
    expect(rows.filter((r) => r.status === "queued")).toHaveLength(SMS_DAILY_CAP);
    expect(rows.filter((r) => r.status === "capped")).toHaveLength(2);
  });

  async function assistedAppealWithPhone(phone: string) {
    const operator = await createActor(db(), "operator");
    const [body] = await db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-almaty-city"));
    const { verificationId } = await sendPhoneCode(db(), { phone, requestedById: operator.id, locale: "kk" });
    await sendQueuedSms(db(), new Date(), gateway);
    const code = smsc.textsTo(phone.slice(1)).at(-1)?.match(/\d{6}/)?.[0] ?? "";
    const receipt = await fileAssistedAppeal(db(), {
      operator,
      applicant: { name: "Айгүл Серікқызы", phone, address: null, email: null },
      phoneVerification: { id: verificationId, code },
      kind: "application",
      bodyId: body?.id ?? "",
      category: "housing_utilities",
      region: "almaty_city",
      subject: "Ыстық су жоқ",
      text: "Абай даңғылы 10 үйінде үш аптадан бері ыстық су жоқ. Қалпына келтіруді сұраймыз.",
      publishConsent: false,
      locale: "kk",
      idempotencyKey: crypto.randomUUID(),
    });
    return { operator, receipt };
  }

  it("tells a citizen filed for at a service centre of the steps of the appeal, in their language", async () => {
    const { receipt } = await assistedAppealWithPhone("+77015550006");
    const [appeal] = await db().select().from(appeals).where(eq(appeals.id, receipt.id));
    expect(appeal?.applicantPhoneVerifiedAt).not.toBeNull();
    // The code, once accepted by the SMSC, is kept nowhere in clear.
    const [codeSms] = (await rowsTo("+77015550006")).filter((r) => r.kind === "code");
    expect(codeSms).toMatchObject({ status: "sent", text: expect.stringContaining("••••••") });
    expect(codeSms?.text).not.toMatch(/\d{6}/);
    const official = await createActor(db(), "official", { bodyId: appeal?.bodyId ?? "" });
    const [other] = await db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-astana"));
    await forwardAppeal(db(), {
      appealId: receipt.id,
      toBodyId: other?.id ?? "",
      reason: "Мекенжай Астана қаласында.",
      official: { id: official.id, bodyId: official.bodyId ?? "" },
    });
    await sendQueuedSms(db(), new Date(), gateway);
    const texts = smsc.textsTo("77015550006");
    expect(texts).toHaveLength(3);
    expect(texts[1]).toContain(`${receipt.number} өтінішіңіз тіркелді`);
    expect(texts[2]).toContain(`${receipt.number} өтінішіңіз құзыретті органға жолданды`);
  });

  it("answers a status query from the applicant's phone, or with the access code, and nobody else", async () => {
    const { receipt } = await assistedAppealWithPhone("+77015550007");
    const sentBefore = smsc.submitted.length;
    smsc.sendInbound("77015550007", "1414", receipt.number);
    await until(async () => (await rowsTo("+77015550007")).some((r) => r.kind === "reply"));
    await sendQueuedSms(db(), new Date(), gateway);
    expect(smsc.textsTo("77015550007").at(-1)).toMatch(
      new RegExp(`^Тыңдау: ${receipt.number} — тіркелді\\. Жауап мерзімі`),
    );
    expect(smsc.submitted.length).toBeGreaterThan(sentBefore);

    // Another phone: the same answer whether the appeal exists or not, in the language it wrote in.
    const stranger = await answerStatusQuery(db(), { from: "+77015550008", text: receipt.number });
    expect(stranger).toBe("not_found");
    const nothing = await answerStatusQuery(db(), { from: "+77015550008", text: "ЖТ-2026-999999" });
    expect(nothing).toBe("not_found");
    const replies = (await rowsTo("+77015550008")).map((r) => r.text);
    expect(replies[0]).toBe(replies[1]);
    expect(replies[0]).not.toContain(receipt.number);
    // A seven-digit serial (a year past 999 999 appeals) is read as a number, not as a request for help.
    expect(await answerStatusQuery(db(), { from: "+77015550008", text: "ЖТ-2026-1000001" })).toBe(
      "not_found",
    );

    // With the printed code, from any phone; the Latin number too.
    const latin = receipt.number.replace("ЖТ", "JT");
    expect(
      await answerStatusQuery(db(), { from: "+77015550009", text: `${latin} ${receipt.accessCode}` }),
    ).toBe("status");
    const [withCode] = await rowsTo("+77015550009");
    expect(withCode?.text).toContain(receipt.number);
    expect(await answerStatusQuery(db(), { from: "+77015550009", text: `${latin} WRONG23456` })).toBe(
      "not_found",
    );
    expect(await answerStatusQuery(db(), { from: "+77015550009", text: "сәлем" })).toBe("help");
  });

  it("stops answering a sender who keeps asking, so that access codes cannot be guessed by SMS", async () => {
    const outcomes = [];
    for (let i = 0; i < 12; i++)
      outcomes.push(
        await answerStatusQuery(db(), { from: "+77015550010", text: `ЖТ-2026-00001${i % 10} ABCDEFGHJK` }),
      );
    expect(outcomes.slice(0, 10).every((o) => o === "not_found")).toBe(true);
    expect(outcomes.slice(10)).toEqual(["ignored", "ignored"]);
  });
});

describe("proving a phone by a code", () => {
  const db = useTestDatabase();

  it("accepts the right code of the asker's own verification, for the same phone, before it expires", async () => {
    const citizen = await createActor(db(), "citizen");
    const other = await createActor(db(), "citizen");
    const phone = "+77015550020";
    const now = new Date();
    const { verificationId } = await sendPhoneCode(db(), {
      phone,
      requestedById: citizen.id,
      locale: "ru",
      now,
    });
    const [sms] = await db().select().from(smsMessages).where(eq(smsMessages.to, phone));
    expect(sms?.text).toMatch(/^Тыңдау: код подтверждения телефона — \d{6}\./);
    const code = sms?.text.match(/\d{6}/)?.[0] ?? "";
    const base = { verificationId, requestedById: citizen.id, phone, code, now };
    await expect(confirmPhoneCode(db(), { ...base, requestedById: other.id })).rejects.toMatchObject({
      code: "BAD_CODE",
    });
    await expect(confirmPhoneCode(db(), { ...base, phone: "+77015550021" })).rejects.toMatchObject({
      code: "BAD_CODE",
    });
    await expect(
      confirmPhoneCode(db(), { ...base, now: new Date(now.getTime() + 11 * 60_000) }),
    ).rejects.toMatchObject({ code: "BAD_CODE" });
    expect(await confirmPhoneCode(db(), base)).toBe(phone);
    // A retried filing confirms again with the same code.
    expect(await confirmPhoneCode(db(), base)).toBe(phone);
  });

  it("gives a code a few tries only, and limits the codes sent to one phone", async () => {
    const citizen = await createActor(db(), "citizen");
    const phone = "+77015550022";
    const { verificationId } = await sendPhoneCode(db(), { phone, requestedById: citizen.id, locale: "kk" });
    const [sms] = await db().select().from(smsMessages).where(eq(smsMessages.to, phone));
    const code = sms?.text.match(/\d{6}/)?.[0] ?? "";
    const wrong = code === "000000" ? "111111" : "000000";
    const base = { verificationId, requestedById: citizen.id, phone };
    for (let i = 0; i < PHONE_CODE_ATTEMPTS; i++)
      await expect(confirmPhoneCode(db(), { ...base, code: wrong })).rejects.toMatchObject({
        code: "BAD_CODE",
      });
    await expect(confirmPhoneCode(db(), { ...base, code })).rejects.toMatchObject({ code: "BAD_CODE" });
    for (let i = 0; i < 4; i++) await sendPhoneCode(db(), { phone, requestedById: citizen.id, locale: "kk" });
    await expect(
      sendPhoneCode(db(), { phone, requestedById: citizen.id, locale: "kk" }),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("only keeps SMS, for /dev/outbox, when no SMSC is configured; a code's text is kept for that outbox", async () => {
    const citizen = await createActor(db(), "citizen");
    await sendPhoneCode(db(), { phone: "+77015550023", requestedById: citizen.id, locale: "en" });
    expect(await sendQueuedSms(db(), new Date(), null)).toBeGreaterThan(0);
    const [sms] = await db().select().from(smsMessages).where(eq(smsMessages.to, "+77015550023"));
    expect(sms).toMatchObject({ status: "kept" });
    expect(sms?.text).toMatch(/^Tyndau: your phone confirmation code is \d{6}\./);
  });
});
