import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { appealAnswers } from "@/db/schema";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { rateAnswer } from "@/server/appeals/rate-answer";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty, bodyIdOf, officialOf } from "@/test/official-fixtures";
import { answerFigures, computeAnswerFigures } from "./answer-figures";
import { countCameBack } from "./count-came-back";
import type { Figure } from "./figures";
import { listFigureAppeals } from "./list-figure-appeals";
import { refreshMetrics } from "./refresh-metrics";

const RIGHTS = "You may complain to the superior body or to court within three months (APPC Art. 91).";
const EN = "The lights in the courtyard were repaired by the district's contractor and work every night now.";
const RU = "Светильники во дворе заменены подрядчиком района, освещение работает каждый вечер без перебоев.";

async function file(
  db: Database,
  o: { authorId: string; bodyCode?: string; category?: "housing_utilities" | "education"; at: string },
) {
  const { appeal } = await fileAppeal(db, {
    kind: "application",
    bodyId: await bodyIdOf(db, o.bodyCode ?? "akimat-almaty-city"),
    category: o.category ?? "housing_utilities",
    region: "almaty_city",
    subject: "The courtyard is dark at night",
    text: "The street lights in our courtyard have been off for two weeks.",
    publishConsent: false,
    locale: "en",
    authorId: o.authorId,
    now: almaty(o.at),
  });
  return appeal;
}

describe("what the answers say, recomputed from hand-built appeals", () => {
  const db = useTestDatabase();

  it("counts decisions, the decision × verdict table, came back, lawful language, legal grounds", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const citizens = await Promise.all([1, 2, 3, 4, 5, 6].map(() => createActor(db(), "citizen")));
    const [c1, c2, c3, c4, c5, c6] = citizens.map((c) => c.id) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const send = (appealId: string, o: Partial<Parameters<typeof answerAppeal>[1]> & { at: string }) =>
      answerAppeal(db(), {
        appealId,
        decision: "satisfied",
        text: EN,
        legalGrounds: "APPC Art. 76",
        appealRights: RIGHTS,
        official: acting,
        now: almaty(o.at),
        ...o,
      });
    const rate = (appealId: string, citizenId: string, outcome: "resolved" | "partly" | "not_resolved") =>
      rateAnswer(db(), { appealId, citizenId, outcome, quality: 3, heard: true });

    // 1. Satisfied, but the citizen says not resolved, and files again to a district akimat below within 180 days.
    const a1 = await file(db(), { authorId: c1, at: "2026-11-02T10:00:00" });
    await send(a1.id, { at: "2026-11-10T10:00:00" });
    await rate(a1.id, c1, "not_resolved");
    await file(db(), { authorId: c1, bodyCode: "akimat-almaty-city-bostandyk", at: "2026-12-10T10:00:00" });
    // 2. Explained, rated "resolved" by the citizen: still never a resolution of the body. The legal ground
    // names nothing; the author's other appeal came before the answer, so it is not a return.
    const a2 = await file(db(), { authorId: c2, at: "2026-11-03T10:00:00" });
    await file(db(), { authorId: c2, at: "2026-11-04T10:00:00" });
    await send(a2.id, {
      at: "2026-11-11T10:00:00",
      decision: "explained",
      legalGrounds: "In line with the legislation.",
    });
    await rate(a2.id, c2, "resolved");
    // 3. Left without consideration (withdrawn), answered in Russian to an English appeal: not lawful.
    const a3 = await file(db(), { authorId: c3, at: "2026-11-04T11:00:00" });
    await send(a3.id, {
      at: "2026-11-12T10:00:00",
      decision: "left_without_consideration",
      withoutConsiderationGround: "withdrawn",
      text: RU,
    });
    // 4. Refused, rated partly; the author then writes to an unrelated ministry: not a return to this body.
    const a4 = await file(db(), { authorId: c4, at: "2026-11-05T10:00:00" });
    await send(a4.id, { at: "2026-11-12T11:00:00", decision: "refused" });
    await rate(a4.id, c4, "partly");
    await file(db(), {
      authorId: c4,
      bodyCode: "min-education",
      category: "housing_utilities",
      at: "2026-11-20T10:00:00",
    });
    // 5. Satisfied and resolved; the author writes again to the same body but about schools: another category.
    const a5 = await file(db(), { authorId: c5, at: "2026-11-06T10:00:00" });
    await send(a5.id, { at: "2026-11-13T10:00:00" });
    await rate(a5.id, c5, "resolved");
    await file(db(), { authorId: c5, category: "education", at: "2026-11-25T10:00:00" });
    // 6. Not answered: in no figure here.
    await file(db(), { authorId: c6, at: "2026-11-06T11:00:00" });

    const bodyId = await bodyIdOf(db(), "akimat-almaty-city");
    const f = await computeAnswerFigures(db(), { bodyId, period: { from: "2026-11", to: "2026-11" } });
    expect(f).toMatchObject({
      answered: 5,
      decisions: {
        satisfied: 2,
        partly_satisfied: 0,
        refused: 1,
        explained: 1,
        left_without_consideration: 1,
      },
      rated: 4,
      satisfiedRated: 2,
      satisfiedNotResolved: 1,
      cameBack: 1,
      cameBackBase: 5,
      checked: 5,
      lawfulLanguage: 4,
      namesLegalGround: 4,
      // The same English text went out four times: answers 4 and 5 had two earlier near-copies each.
      formal: 2,
    });
    const [stored] = await db().select().from(appealAnswers).where(eq(appealAnswers.appealId, a3.id));
    expect(stored).toMatchObject({
      decision: "left_without_consideration",
      withoutConsiderationGround: "withdrawn",
      language: "ru",
      lawfulLanguage: false,
      namesLegalGround: true,
      checkMissing: ["language"],
    });
    expect(f.claimed.satisfied).toEqual({ resolved: 1, partly: 0, not_resolved: 1 });
    expect(f.claimed.explained).toEqual({ resolved: 1, partly: 0, not_resolved: 0 });
    expect(f.claimed.refused).toEqual({ resolved: 0, partly: 1, not_resolved: 0 });
    // The auditor's drill-down lists exactly as many appeals behind each figure.
    await refreshMetrics(db(), almaty("2026-12-15T12:00:00"));
    const behind = async (figure: Figure) =>
      (
        await listFigureAppeals(db(), {
          figure,
          period: { from: "2026-11", to: "2026-11" },
          bodyCode: "akimat-almaty-city",
          page: 1,
        })
      ).total;
    expect({
      explained: await behind("explained"),
      left: await behind("leftWithoutConsideration"),
      saidSatisfied: await behind("saidSatisfiedNotResolved"),
      cameBack: await behind("cameBack"),
      unlawful: await behind("unlawfulLanguage"),
      noGround: await behind("noLegalGround"),
      formal: await behind("formal"),
    }).toEqual({
      explained: f.decisions.explained,
      left: f.decisions.left_without_consideration,
      saidSatisfied: f.satisfiedNotResolved,
      cameBack: f.cameBack,
      unlawful: f.checked - f.lawfulLanguage,
      noGround: f.checked - f.namesLegalGround,
      formal: f.formal,
    });
    // The republic holds the same answers (the other appeals went unanswered); the summaries agree once
    // came back is counted.
    const countedAt = almaty("2026-12-15T12:05:00");
    await countCameBack(db(), countedAt);
    const republic = await answerFigures(db(), { period: { from: "2026-11", to: "2026-11" } });
    expect(republic).toEqual({ ...f, cameBackCountedAt: countedAt.toISOString() });
    // The author of answer 5 writes again, now about the same matter to the same body: at the next count
    // answer 5 has come back, in the summaries as in the count from the appeals.
    await file(db(), { authorId: c5, at: "2026-12-16T10:00:00" });
    await refreshMetrics(db(), almaty("2026-12-16T12:00:00"));
    const laterAt = almaty("2026-12-17T02:00:00");
    await countCameBack(db(), laterAt);
    const later = await answerFigures(db(), { period: { from: "2026-11", to: "2026-11" } });
    expect(later.cameBack).toBe(f.cameBack + 1);
    expect(later).toEqual({
      ...(await computeAnswerFigures(db(), { period: { from: "2026-11", to: "2026-11" } })),
      cameBackCountedAt: laterAt.toISOString(),
    });
  });

  it("refuses to leave an appeal without consideration without a ground", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const citizen = await createActor(db(), "citizen");
    const appeal = await file(db(), { authorId: citizen.id, at: "2026-11-02T10:00:00" });
    await expect(
      answerAppeal(db(), {
        appealId: appeal.id,
        decision: "left_without_consideration",
        text: EN,
        legalGrounds: "APPC Art. 76",
        appealRights: RIGHTS,
        official: acting,
      }),
    ).rejects.toMatchObject({ code: "GROUND_REQUIRED" });
  });
});
