import { describe, expect, it } from "vitest";
import { type PublicAppealRow, toPublicAppeal, toPublicSummary, withoutNames } from "./public-appeal-view";

// Every column a public read selects, with a value in each, so a field the mapper lets through shows.
const ROW: PublicAppealRow & { id: string } = {
  id: "00000000-0000-4000-8000-000000000001",
  number: "ЖТ-2026-000123",
  kind: "proposal",
  category: "roads_transport",
  region: "astana",
  status: "answered",
  overdue: false,
  subject: "A shelter for the bus stop",
  subjectRedactions: [],
  answerLogSeq: 8,
  answerRedactions: {},
  text: "The stop at Abylai Khan Ave has no shelter; call me on +7 701 555 0101.",
  redactions: [{ start: 55, end: 70 }],
  filedAt: new Date("2026-03-02T05:00:00Z"),
  registeredOn: "2026-03-02",
  dueAt: new Date("2026-03-23T13:30:00Z"),
  answeredAt: new Date("2026-03-10T06:00:00Z"),
  bodyId: "00000000-0000-4000-8000-000000000002",
  bodyNameKk: "Астана қаласының әкімдігі",
  bodyNameRu: "Акимат города Астаны",
  bodyNameEn: "Akimat of Astana",
  supportCount: 4,
};

const ANSWER = {
  decision: "partly_satisfied" as const,
  text: "Dear Serik Bolatuly, the shelter is planned for May.",
  legalGrounds: "Rules of public transport stops, para. 4.",
  appealRights: "Serik may complain to the superior body within one month.",
  answeredAt: new Date("2026-03-10T06:00:00Z"),
  onTime: true,
};

describe("the public view of an appeal", () => {
  it("lists exactly the public fields, so that a new one cannot leak silently", () => {
    const view = toPublicAppeal(ROW, {
      answer: ANSWER,
      rating: { outcome: "partly", quality: 4, heard: true },
      moderation: [{ seq: 7, action: "publish_redacted", createdAt: new Date("2026-03-03T05:00:00Z") }],
      applicantNames: ["Serik Bolatuly Akhmetov"],
    });
    expect(Object.keys(view).sort()).toEqual(
      [
        "answer",
        "answerAwaitingReview",
        "answeredAt",
        "body",
        "category",
        "dueAt",
        "filedAt",
        "kind",
        "moderation",
        "number",
        "overdue",
        "rating",
        "region",
        "registeredOn",
        "segments",
        "status",
        "subject",
        "supportCount",
      ].sort(),
    );
    expect(Object.keys(view.body).sort()).toEqual(["id", "nameEn", "nameKk", "nameRu"]);
    expect(Object.keys(view.answer ?? {}).sort()).toEqual(
      ["answeredAt", "appealRights", "decision", "legalGrounds", "onTime", "text"].sort(),
    );
    expect(Object.keys(view.rating ?? {}).sort()).toEqual(["heard", "outcome", "quality"]);
    expect(view.moderation).toEqual([
      { seq: 7, action: "publish_redacted", time: new Date("2026-03-03T05:00:00Z") },
    ]);
    expect(view.segments).toEqual([
      { text: "The stop at Abylai Khan Ave has no shelter; call me on " },
      { redacted: true },
      { text: "." },
    ]);
    const json = JSON.stringify(view);
    expect(json).not.toContain("0101");
    expect(json).not.toContain("Serik");
    expect(json).not.toContain(ROW.id);
    expect(view.answer?.text).toEqual([
      { text: "Dear " },
      { name: true },
      { text: ", the shelter is planned for May." },
    ]);
  });

  it("publishes the subject and the answer only as a moderator reviewed them", () => {
    const row = {
      ...ROW,
      subject: "Shelter at flat 12, call +7 701 555 0101",
      subjectRedactions: [{ start: 11, end: 18 }],
      answerRedactions: { legalGrounds: [{ start: 0, end: 5 }] },
    };
    const answer = {
      ...ANSWER,
      // The official quotes what the moderator took out of the text and the subject, in another spacing.
      text: "We called 87015550101 and visited Flat 12 about the shelter.",
    };
    const view = toPublicAppeal(row, { answer, rating: null, moderation: [], applicantNames: [] });
    expect(view.subject).toEqual([
      { text: "Shelter at " },
      { redacted: true },
      { text: ", call +7 701 555 0101" },
    ]);
    expect(view.answer?.text).toEqual([
      { text: "We called " },
      { redacted: true },
      { text: " and visited " },
      { redacted: true },
      { text: " about the shelter." },
    ]);
    expect(view.answer?.legalGrounds[0]).toEqual({ redacted: true });
    const unreviewed = toPublicAppeal(
      { ...row, answerLogSeq: null },
      { answer, rating: null, moderation: [], applicantNames: [] },
    );
    expect(unreviewed.answer).toBeNull();
    expect(unreviewed.answerAwaitingReview).toBe(true);
    expect(JSON.stringify(unreviewed)).not.toContain("87015550101");
  });

  it("gives a list line the summary fields only", () => {
    expect(Object.keys(toPublicSummary(ROW)).sort()).toEqual(
      [
        "answeredAt",
        "body",
        "category",
        "filedAt",
        "kind",
        "number",
        "overdue",
        "region",
        "status",
        "subject",
        "supportCount",
      ].sort(),
    );
  });
});

describe("taking the applicant's name out of an answer", () => {
  const render = (segments: ReturnType<typeof withoutNames>) =>
    segments.map((s) => ("text" in s ? s.text : "[name]")).join("");

  it("replaces the full name as one marker, and each part on its own, in any case", () => {
    expect(
      render(
        withoutNames(
          "Құрметті Айгерім Нұрланқызы Сәрсенбаева! АЙГЕРІМ, сіздің өтінішіңіз қаралды. Nothing else.",
          ["Айгерім Нұрланқызы Сәрсенбаева"],
        ),
      ),
    ).toBe("Құрметті [name]! [name], сіздің өтінішіңіз қаралды. Nothing else.");
  });

  it("finds declined forms of longer parts but leaves words that merely contain a name", () => {
    expect(
      render(
        withoutNames("Уважаемой Сәрсенбаевой сообщаем: ответ направлен Айгерімге. Айгерімовка — село.", [
          "Айгерім Нұрланқызы Сәрсенбаева",
        ]),
      ),
    ).toBe("Уважаемой [name] сообщаем: ответ направлен [name]. Айгерімовка — село.");
  });

  it("removes a short name only whole, with the full name, and never a part under three letters alone", () => {
    expect(render(withoutNames("Ли Вэй, ваш вопрос решён. Ли — фамилия. Вэй.", ["Ли Вэй"]))).toBe(
      "[name], ваш вопрос решён. Ли — фамилия. [name].",
    );
    expect(render(withoutNames("Alibek wrote; Ali replied.", ["Ali Nur"]))).toBe(
      "Alibek wrote; [name] replied.",
    );
  });

  it("leaves a text without names as it is", () => {
    expect(withoutNames("No names here.", [])).toEqual([{ text: "No names here." }]);
    expect(withoutNames("No names here.", ["Serik Akhmetov"])).toEqual([{ text: "No names here." }]);
  });
});
