import { beforeAll, describe, expect, it } from "vitest";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { leagueTable } from "./dashboard-queries";
import { refreshMetrics } from "./refresh-metrics";

describe("the league table with a 1-appeal body", () => {
  const db = useTestDatabase();
  const may = { from: "2026-05", to: "2026-05" };
  let big: string;
  let tiny: string;

  beforeAll(async () => {
    const x = (await officialOf(db(), "akimat-almaty-city")).acting;
    const y = (await officialOf(db(), "akimat-astana")).acting;
    big = x.bodyId;
    tiny = y.bodyId;
    const answer = (appealId: string, by: typeof x) =>
      answerAppeal(db(), {
        appealId,
        decision: "satisfied",
        text: `The drain of appeal ${appealId} was cleared by the city water utility.`,
        legalGrounds: "Rules for the provision of utility services, para. 12.",
        appealRights:
          "You may complain to the superior body or to court under the APPC within the legal terms.",
        official: by,
        now: almaty("2026-05-20T10:00:00"),
      });
    // 30 appeals at the akimat of Almaty, 29 answered; 1 at Astana, answered.
    for (let i = 0; i < 30; i++) {
      const a = await fileTestAppeal(db(), { filedAt: almaty("2026-05-05T10:00:00"), subject: `Drain ${i}` });
      if (i > 0) await answer(a.id, x);
    }
    const one = await fileTestAppeal(db(), {
      bodyCode: "akimat-astana",
      filedAt: almaty("2026-05-05T10:00:00"),
    });
    await answer(one.id, y);
    await refreshMetrics(db(), almaty("2026-07-01T10:00:00"));
  });

  it("lists the 1-appeal body with its 100% but never above the body with enough data", async () => {
    for (const sort of ["responseRate", "onTimeRate"] as const) {
      const league = await leagueTable(db(), { period: may, sort });
      expect(league.map((r) => [r.bodyId, r[sort], r.base, r.small])).toEqual([
        [big, 29 / 30, 30, false],
        [tiny, 1, 1, true],
      ]);
    }
    // Sorted worst first, too, the small sample stays below.
    const worst = await leagueTable(db(), { period: may, sort: "responseRate", order: "asc" });
    expect(worst.map((r) => r.bodyId)).toEqual([big, tiny]);
  });

  it("flags small samples by each figure's own denominator", async () => {
    // Nobody rated an answer: heard is over 0 ratings, small for both bodies though the akimat has 30 appeals.
    const league = await leagueTable(db(), { period: may, sort: "heardShare" });
    expect(league.map((r) => [r.bodyId, r.base, r.small])).toEqual([
      [big, 0, true],
      [tiny, 0, true],
    ]);
  });
});
