import { describe, expect, it } from "vitest";
import { namesPlaceOrAddressee } from "@/db/generate/body-places";
import { generateAppeals } from "@/db/generate/generate-appeals";
import { useTestDatabase } from "@/test/database";
import { evaluateBodyModel } from "./evaluate-body-model";
import { suggestBodyFromText } from "./suggest-body-from-text";
import { trainBodyModel } from "./train-body-model";

const NOW = new Date("2026-11-20T07:00:00Z");

describe("the body suggested from an appeal's text", () => {
  const db = useTestDatabase();

  it("suggests nothing before any training, rather than guessing", async () => {
    expect(await suggestBodyFromText(db(), { text: "Көшеде шам жанбайды" })).toEqual([]);
  });

  // The target is 0.85, reached on 10 000 generated appeals (0.89, docs/performance.md). On these
  // 2 000 the model, trained on 1 600, leans mostly on the region and category (a body's n-grams lean on
  // the average until it has heard some hundreds of appeals): 0.76, and 0.67 on the texts naming neither
  // place nor addressee. The ids are fixed (the tag), so the held-out draw and the score are the same on
  // every run: with random ids the draw changed per run and the second score ranged over 0.54–0.75. The
  // floors below hold that, so a change that makes it worse fails here.
  it("proposes the body that finally answered among its top 3 for most held-out appeals", async () => {
    await generateAppeals(db(), { appeals: 2000, months: 12, seed: 11, tag: "held-out", now: NOW });
    const score = await evaluateBodyModel(db(), { now: NOW, limit: 2000, named: namesPlaceOrAddressee });
    console.log("body suggestion on held-out generated appeals", score);
    expect(score.tested).toBeGreaterThan(250);
    expect(score.accuracyAt3).toBeGreaterThanOrEqual(0.72);
    expect(score.unnamed).toBeGreaterThan(40);
    expect(score.unnamedAt3).toBeGreaterThanOrEqual(0.6);
    expect(score.forwarded).toBeGreaterThan(0);

    // Retrained on everything, as the nightly job does: three bodies, best first.
    expect(await trainBodyModel(db(), { now: NOW })).toBe(2000);
    const top = await suggestBodyFromText(db(), {
      text: "Жолда үлкен шұңқырлар бар, асфальт бұзылған",
      region: "almaty_city",
    });
    expect(top).toHaveLength(3);
    expect(top[0]?.score).toBeGreaterThanOrEqual(top[2]?.score ?? Number.POSITIVE_INFINITY);
  }, 360_000);
});
