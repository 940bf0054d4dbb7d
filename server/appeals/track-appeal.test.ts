import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealNumberCounters, stateBodies } from "@/db/schema";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almatyDate } from "../deadlines/working-calendar";
import { fileAssistedAppeal } from "../operator/file-assisted-appeal";
import { answerAppeal } from "./answer-appeal";
import { fileAppeal } from "./file-appeal";
import { normalizeAppealNumber, trackAppeal } from "./track-appeal";

const APPLICANT = {
  name: "Серікбай Жұмабекұлы Оспанов",
  phone: "+77011234567",
  address: "Алматы, Абай даңғылы 10, 5-пәтер",
  email: "ospanov@example.kz",
};

describe("following an appeal by number and access code", () => {
  const db = useTestDatabase();
  const bodyId = async (code: string) =>
    (await db().select().from(stateBodies).where(eq(stateBodies.code, code)))[0]?.id ?? "";

  async function fileAssisted() {
    const operator = await createActor(db(), "operator");
    return fileAssistedAppeal(db(), {
      operator,
      applicant: APPLICANT,
      kind: "application",
      bodyId: await bodyId("akimat-almaty-city"),
      category: "housing_utilities",
      region: "almaty_city",
      subject: "No heating in the flat",
      text: "The heating in our building has not worked since the first of November.",
      publishConsent: false,
      locale: "kk",
      idempotencyKey: crypto.randomUUID(),
    });
  }

  it("opens the appeal with the printed code however it is typed", async () => {
    const filed = await fileAssisted();
    const code = filed.accessCode;
    const [year, seq] = filed.number.split("-").slice(1);
    const typings = [
      code,
      code.toLowerCase(),
      ` ${code.slice(0, 5)}-${code.slice(5)} `,
      code.split("").join(" "),
    ];
    for (const typed of typings) {
      const found = await trackAppeal(db(), { number: filed.number, code: typed });
      expect(found.number).toBe(filed.number);
    }
    // The number too: lower case, spaces, without the leading zeros of the sequence.
    const found = await trackAppeal(db(), { number: `жт ${year} ${Number(seq)}`, code });
    expect(found.number).toBe(filed.number);
  });

  it("registers and finds the millionth appeal of a year, its serial grown to seven digits", async () => {
    const year = Number(almatyDate(new Date()).slice(0, 4));
    await db()
      .insert(appealNumberCounters)
      .values({ year, last: 999_999 })
      .onConflictDoUpdate({ target: appealNumberCounters.year, set: { last: 999_999 } });
    const filed = await fileAssisted();
    expect(filed.number).toBe(`ЖТ-${year}-1000000`);
    for (const typed of [filed.number, `жт ${year} 1000000`, `${year}/01000000`]) {
      const found = await trackAppeal(db(), { number: typed, code: filed.accessCode });
      expect(found.number).toBe(filed.number);
    }
  });

  it("answers a wrong code, a wrong number and an appeal without a code with the same NOT_FOUND", async () => {
    const filed = await fileAssisted();
    const other = await fileAssisted();
    const citizen = await createActor(db(), "citizen");
    const { appeal: online } = await fileAppeal(db(), {
      kind: "application",
      bodyId: await bodyId("akimat-astana"),
      category: "other",
      region: null,
      subject: "An appeal filed online",
      text: "Filed by a citizen with an account, so it has no access code.",
      publishConsent: false,
      locale: "en",
      authorId: citizen.id,
    });
    const wrongCode = `${filed.accessCode.slice(0, 9)}${filed.accessCode.endsWith("2") ? "3" : "2"}`;
    const attempts = [
      { number: filed.number, code: wrongCode },
      { number: filed.number, code: other.accessCode },
      { number: "ЖТ-1999-000001", code: filed.accessCode },
      { number: "not a number", code: filed.accessCode },
      { number: online.number, code: "" },
      { number: online.number, code: filed.accessCode },
    ];
    for (const attempt of attempts) {
      await expect(trackAppeal(db(), attempt)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("shows status, deadline, answer and history, and nothing of the applicant's personal data", async () => {
    const filed = await fileAssisted();
    const found = await trackAppeal(db(), { number: filed.number, code: filed.accessCode });
    expect(Object.keys(found).sort()).toEqual([
      "answer",
      "answeredAt",
      "body",
      "daysLeft",
      "dueAt",
      "extendedAt",
      "filedAt",
      "kind",
      "locale",
      "number",
      "overdue",
      "paused",
      "registeredOn",
      "status",
      "timeline",
    ]);
    expect(found).toMatchObject({
      kind: "application",
      status: "registered",
      body: { nameEn: "Akimat of Almaty" },
      overdue: false,
      answer: null,
    });
    expect(found.timeline.map((e) => [e.type, e.actorRole])).toEqual([["registered", "operator"]]);
    const serialized = JSON.stringify(found);
    for (const personal of Object.values(APPLICANT)) expect(serialized).not.toContain(personal);
    expect(serialized).not.toContain("7011234567");
  });

  it("says when the deadline has passed without an answer", async () => {
    const filed = await fileAssisted();
    const first = await trackAppeal(db(), { number: filed.number, code: filed.accessCode });
    const dayAfter = new Date(first.dueAt.getTime() + 24 * 3600_000);
    const later = await trackAppeal(db(), { number: filed.number, code: filed.accessCode, now: dayAfter });
    expect(later.overdue).toBe(true);
  });

  it("shows the body's reasoned answer once it is sent", async () => {
    const filed = await fileAssisted();
    const almaty = await bodyId("akimat-almaty-city");
    const official = await createActor(db(), "official", { bodyId: almaty });
    await answerAppeal(db(), {
      appealId: filed.id,
      decision: "partly_satisfied",
      text: "The heating will be restored by the district heating company within five days of this answer.",
      legalGrounds: "Law of the RK on housing relations, Art. 42",
      appealRights:
        "You may complain about this answer to the superior body or to the court within one month.",
      official: { id: official.id, bodyId: almaty },
    });
    const found = await trackAppeal(db(), { number: filed.number, code: filed.accessCode });
    expect(found.status).toBe("answered");
    expect(found.answer).toMatchObject({
      decision: "partly_satisfied",
      legalGrounds: "Law of the RK on housing relations, Art. 42",
    });
    expect(found.timeline.map((e) => e.type)).toEqual(["registered", "answered"]);
    expect(JSON.stringify(found)).not.toContain(official.fullName);
  });

  it("reads registration numbers as people type them", () => {
    expect(normalizeAppealNumber("ЖТ-2026-000123")).toBe("ЖТ-2026-000123");
    expect(normalizeAppealNumber(" жт-2026-123 ")).toBe("ЖТ-2026-000123");
    expect(normalizeAppealNumber("2026/000123")).toBe("ЖТ-2026-000123");
    expect(normalizeAppealNumber("ЖТ 2026 42")).toBe("ЖТ-2026-000042");
    // A year of the country's appeals passes 999 999: the serial grows a seventh digit.
    expect(normalizeAppealNumber("ЖТ-2026-1234567")).toBe("ЖТ-2026-1234567");
    expect(normalizeAppealNumber("жт 2026 01234567")).toBe("ЖТ-2026-1234567");
    expect(normalizeAppealNumber("ЖТ-2026-12345678901")).toBeNull();
    expect(normalizeAppealNumber("hello")).toBeNull();
  });
});
