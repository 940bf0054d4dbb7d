import { describe, expect, it } from "vitest";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { provideClarification } from "@/server/appeals/provide-clarification";
import { requestClarification } from "@/server/appeals/request-clarification";
import { getAppealForModeration } from "@/server/moderation/get-appeal-for-moderation";
import { moderateAppeal } from "@/server/moderation/moderate-appeal";
import { exportPublicAppeals } from "@/server/open-data/export-public-appeals";
import { listServiceRequests } from "@/server/open311/list-service-requests";
import { withoutApplicant } from "@/server/public-appeals/public-appeal-view";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { bodyIdOf, officialOf } from "@/test/official-fixtures";

describe("a citizen's account, as an admin sees it", () => {
  const db = useTestDatabase();

  it("is found only by its exact e-mail, never by browsing or by part of a name or address", async () => {
    const citizen = await createActor(db(), "citizen", { fullName: "Гүлжан Жекебаева" });
    const moderator = await createActor(db(), "moderator", { fullName: "Мирас Модераторов" });
    const admin = callerFor(db(), await createActor(db(), "admin"));
    const emails = async (input: Parameters<typeof admin.accounts.list>[0]) =>
      (await admin.accounts.list(input)).map((a) => a.email);

    // Staff accounts are work accounts: browsed and searched as before.
    expect(await emails({})).toContain(moderator.email);
    expect(await emails({ search: "Модераторов" })).toEqual([moderator.email]);
    // A citizen's name and e-mail are theirs (issue #6): no list, no partial match, no role filter shows them.
    expect(await emails({})).not.toContain(citizen.email);
    expect(await emails({ role: "citizen" })).toEqual([]);
    expect(await emails({ search: "Жекебаева" })).toEqual([]);
    expect(await emails({ search: citizen.email.slice(0, 12) })).toEqual([]);
    expect(await emails({ search: "%" })).not.toContain(citizen.email);
    // Named exactly, as in a support request, the account is there to disable or to make staff.
    expect(await emails({ search: citizen.email.toUpperCase() })).toEqual([citizen.email]);
    expect(await emails({ search: citizen.email, role: "citizen" })).toEqual([citizen.email]);
  });
});

describe("an answer as others read it", () => {
  const applicant = {
    names: ["Гүлжан Жекебаева"],
    contacts: ["gulzhan.zh@example.kz", "+77011234567", "Алматы, Абай даңғылы 10, пәтер 5"],
  };
  const read = (text: string) =>
    withoutApplicant(text, applicant)
      .map((s) => ("text" in s ? s.text : "name" in s ? "[name]" : "[redacted]"))
      .join("");

  it("takes out the applicant's phone however it is written, their e-mail in any case, and their address", () => {
    expect(read("Жекебаевой: we called 8 (701) 123-45-67, then +7 701 123 45 67 and 7011234567.")).toBe(
      "[name]: we called [redacted], then [redacted] and [redacted].",
    );
    expect(read("Written to GULZHAN.ZH@EXAMPLE.KZ and to Алматы,  Абай даңғылы 10, пәтер 5.")).toBe(
      "Written to [redacted] and to [redacted].",
    );
    // Someone else's number and an ordinary figure stay: only the applicant is taken out.
    expect(read("The hotline 8 (727) 300-00-00 answers; 25 lamps were replaced.")).toBe(
      "The hotline 8 (727) 300-00-00 answers; 25 lamps were replaced.",
    );
  });
});

describe("an IIN, a phone and an address in every text field, through every output (issue 14)", () => {
  const db = useTestDatabase();
  const IIN = "880101300172";
  const PHONE = "+7 701 234 56 78";
  const ADDRESS = "ул. Жандосова, д. 58, кв. 17";
  const pii = `ИИН ${IIN}, тел. ${PHONE}, адрес ${ADDRESS}`;
  // Pieces that give each of them away, however a view cuts or re-spaces them.
  const SECRETS = [IIN, "234 56 78", "2345678", "Жандосова"];
  const leaks = (value: unknown) => SECRETS.filter((s) => JSON.stringify(value).includes(s));

  it("reaches the moderator pre-marked, and nobody else: public pages, lists, exports, Open311, auditors", async () => {
    const author = await createActor(db(), "citizen", { fullName: "Гүлжан Жекебаева" });
    const { appeal } = await fileAppeal(db(), {
      kind: "application",
      bodyId: await bodyIdOf(db(), "akimat-almaty-city"),
      category: "housing_utilities",
      region: "almaty_city",
      subject: `Нет горячей воды: ${pii}`,
      text: `Третью неделю нет горячей воды. ${pii}. Прошу разобраться.`,
      publishConsent: true,
      locale: "ru",
      authorId: author.id,
    });
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    await requestClarification(db(), {
      appealId: appeal.id,
      question: `Уточните подъезд; мы звонили на ${PHONE}.`,
      official: acting,
    });
    await provideClarification(db(), {
      appealId: appeal.id,
      citizenId: author.id,
      reply: `Подъезд 2. ${pii}`,
    });
    await answerAppeal(db(), {
      appealId: appeal.id,
      decision: "satisfied",
      text: `Уважаемая Гүлжан! По адресу ${ADDRESS} подача воды восстановлена. ${pii}.`,
      legalGrounds: `Правила предоставления коммунальных услуг, п. 12 (${pii}).`,
      appealRights: `Вы вправе обжаловать ответ (${pii}).`,
      official: acting,
    });

    // Auditors read it before any moderator did: the detector takes the data out of every text.
    const auditor = callerFor(db(), await createActor(db(), "auditor"));
    expect(leaks(await auditor.audit.appeal({ id: appeal.id }))).toEqual([]);

    // The moderator sees each one pre-marked in the subject, the text and every part of the answer.
    const moderator = await createActor(db(), "moderator");
    const view = await getAppealForModeration(db(), { appealId: appeal.id, moderator });
    const kinds = (marks: { kind: string }[] | undefined) => [...new Set(marks?.map((m) => m.kind))].sort();
    for (const marks of [
      view.detected.subject,
      view.detected.text,
      view.detected.answer?.text,
      view.detected.answer?.legalGrounds,
      view.detected.answer?.appealRights,
    ])
      expect(kinds(marks)).toEqual(expect.arrayContaining(["address", "iin", "phone"]));
    await moderateAppeal(db(), {
      appealId: appeal.id,
      moderator,
      decision: "publish_redacted",
      redactions: view.detected.text,
      subjectRedactions: view.detected.subject,
      answerRedactions: view.detected.answer ?? {},
      statement: {
        ground: "personal_data_of_others",
        facts: "IIN, phone and address",
        sourceType: "SOURCE_VOLUNTARY",
      },
    });

    const anyone = callerFor(db(), null);
    const page = await anyone.publicAppeals.get({ number: appeal.number });
    if (page.hidden) throw new Error("expected the published appeal");
    expect(page.appeal.answer).not.toBeNull();
    expect(page.appeal.subject.some((s) => "redacted" in s)).toBe(true);
    expect(leaks(page)).toEqual([]);
    expect(leaks(await anyone.publicAppeals.list({}))).toEqual([]);
    expect(leaks(await anyone.moderation.log({}))).toEqual([]);
    const rows = [];
    for await (const chunk of exportPublicAppeals(db(), { filters: {} })) rows.push(...chunk);
    expect(rows.map((r) => r.number)).toContain(appeal.number);
    expect(leaks(rows)).toEqual([]);
    const requests = await listServiceRequests(db(), {
      filters: { kind: "ids", numbers: [appeal.number] },
      locale: "ru",
      t: (key) => key,
    });
    expect(requests[0]?.description).toBeTruthy();
    expect(leaks(requests)).toEqual([]);
    expect(leaks(await auditor.audit.appeal({ id: appeal.id }))).toEqual([]);
  });
});
