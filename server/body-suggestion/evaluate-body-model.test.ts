import { describe, expect, it } from "vitest";
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

  // The target is 0.85. Measured on 2 000 generated appeals: 0.69; on 8 000: 0.74 (docs/performance.md).
  // The floor below holds what the model reaches today, so a change that makes it worse fails here.
  it("proposes the body that finally answered among its top 3 for most held-out appeals", async () => {
    await generateAppeals(db(), { appeals: 2000, months: 12, seed: 11, now: NOW });
    const score = await evaluateBodyModel(db(), { now: NOW, limit: 2000 });
    console.log("body suggestion on held-out generated appeals", score);
    expect(score.tested).toBeGreaterThan(250);
    expect(score.accuracyAt3).toBeGreaterThanOrEqual(0.62);
    expect(score.forwarded).toBeGreaterThan(0);

    // Retrained on everything, as the nightly job does: three bodies, best first.
    expect(await trainBodyModel(db(), { now: NOW })).toBe(2000);
    const top = await suggestBodyFromText(db(), {
      text: "Жолда үлкен шұңқырлар бар, асфальт бұзылған",
      region: "almaty_city",
    });
    expect(top).toHaveLength(3);
    expect(top[0]?.score).toBeGreaterThanOrEqual(top[2]?.score ?? Number.POSITIVE_INFINITY);
  }, 240_000);
});
