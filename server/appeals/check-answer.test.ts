import { describe, expect, it } from "vitest";
import { allowedLanguages, checkAnswer, detectLanguage, namesLegalGround } from "./check-answer";

const KK =
  "Сіздің өтінішіңіз қаралды. Көшені жөндеу жұмыстары келесі айда басталады, сондықтан мәселе шешіледі.";
const RU =
  "Ваше обращение рассмотрено. Ремонт улицы начнётся в следующем месяце, поэтому вопрос будет решён.";
const EN =
  "Your appeal was considered. The street will be repaired next month, so the problem will be solved.";

describe("the pre-send check of an answer", () => {
  it("tells Kazakh, Russian and English apart, and leaves a too-short text undecided", () => {
    expect([detectLanguage(KK), detectLanguage(RU), detectLanguage(EN), detectLanguage("Да.")]).toEqual([
      "kk",
      "ru",
      "en",
      null,
    ]);
  });

  it("allows the state language or the appeal's own (Law on Languages, Art. 11)", () => {
    expect(allowedLanguages("kk")).toEqual(["kk"]);
    expect(allowedLanguages("ru")).toEqual(["kk", "ru"]);
    expect(allowedLanguages("en")).toEqual(["kk", "en"]);
  });

  it("counts an act or an article as a legal ground, and 'the legislation' alone as none", () => {
    const named = [
      "ст. 76 АППК",
      "статьи 91 Кодекса",
      "ӘРПК 76-бабы",
      "Закон РК «О языках»",
      "APPC Art. 76",
      "Приказ № 12",
    ];
    const unnamed = [
      "Согласно действующему законодательству",
      "Заңнамаға сәйкес",
      "In line with the legislation.",
    ];
    expect(named.map(namesLegalGround)).toEqual(named.map(() => true));
    expect(unnamed.map(namesLegalGround)).toEqual(unnamed.map(() => false));
  });

  it("lists what a reasoned answer lacks: ground, where and when to complain, language", () => {
    const draft = {
      appealLocale: "kk",
      decision: "satisfied" as const,
      text: RU,
      legalGrounds: "Согласно законодательству",
      appealRights: "Ответ можно обжаловать.",
    };
    expect(checkAnswer(draft)).toMatchObject({
      missing: ["legalGround", "complaintWhere", "complaintTerm", "language"],
      language: "ru",
      lawfulLanguage: false,
      namesLegalGround: false,
    });
    expect(
      checkAnswer({
        ...draft,
        text: KK,
        legalGrounds: "ӘРПК 76-бабы",
        appealRights: "Жоғары тұрған органға немесе сотқа үш ай ішінде шағымдана аласыз.",
      }).missing,
    ).toEqual([]);
    // "государственный орган" is not a court although it contains the letters "суд".
    expect(
      checkAnswer({ ...draft, appealRights: "Обратитесь в государственный орган в течение 3 месяцев." })
        .missing,
    ).toContain("complaintWhere");
    expect(checkAnswer({ ...draft, decision: "left_without_consideration" }).missing).toContain("ground");
    expect(checkAnswer({ ...draft, decision: null }).missing).toContain("decision");
  });
});
