import { describe, expect, it } from "vitest";
import { wilson } from "../metrics/survival";
import { cohenKappa, krippendorffAlpha } from "./agreement";
import { drawSample, sampleDigest } from "./draw-sample";
import { sampleSize } from "./sample-size";

const repeat = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);

describe("sample size", () => {
  it("is the textbook 385 for a large population at ±5% and 95%, and 278 of 1000 with the correction", () => {
    expect(sampleSize(1_000_000_000, 0.05, "0.95")).toBe(385);
    expect(sampleSize(1000, 0.05, "0.95")).toBe(278);
  });

  it("never exceeds the population and is 0 for none", () => {
    // n0 = 1.6449² · 0.25 / 0.25 = 2.706; 2.706 / (1 + 1.706/3) = 1.72 → 2.
    expect(sampleSize(3, 0.5, "0.9")).toBe(2);
    expect(sampleSize(1, 0.01, "0.99")).toBe(1);
    expect(sampleSize(0, 0.05, "0.95")).toBe(0);
  });
});

describe("drawing from a seed", () => {
  const population = Array.from({ length: 20 }, (_, i) => `ЖТ-2026-${String(i + 1).padStart(6, "0")}`);

  it("gives what an independent implementation of the published definition gives", () => {
    // Computed with Python's hashlib from docs/grading.md, not with this code.
    const [drawn] = drawSample("0".repeat(64), [{ key: "akimat-astana", population, size: 5 }]);
    expect(drawn?.chosen).toEqual([
      { index: 17, id: "ЖТ-2026-000018" },
      { index: 0, id: "ЖТ-2026-000001" },
      { index: 12, id: "ЖТ-2026-000013" },
      { index: 9, id: "ЖТ-2026-000010" },
      { index: 11, id: "ЖТ-2026-000012" },
    ]);
    expect(drawSample("tyndau", [{ key: "b", population: ["z", "y", "x"], size: 2 }])[0]?.chosen).toEqual([
      { index: 2, id: "z" },
      { index: 0, id: "x" },
    ]);
  });

  it("re-draws the same sample whatever order the population is listed in, and another with another seed", () => {
    const strata = [
      { key: "a", population, size: 6 },
      { key: "b", population: population.slice(0, 4), size: 9 },
    ];
    const first = drawSample("seed-1", strata);
    const again = drawSample(
      "seed-1",
      strata.map((s) => ({ ...s, population: [...s.population].reverse() })),
    );
    expect(again).toEqual(first);
    expect(sampleDigest(again)).toBe(sampleDigest(first));
    expect(first[1]?.chosen).toHaveLength(4);
    expect(new Set(first[0]?.chosen.map((c) => c.id)).size).toBe(6);
    expect(sampleDigest(drawSample("seed-2", strata))).not.toBe(sampleDigest(first));
  });
});

describe("agreement", () => {
  it("unweighted Cohen's kappa is 0.4 on the textbook 2×2 table (20, 5, 10, 15)", () => {
    const pairs: [number, number][] = [
      ...repeat(20, [1, 1] as [number, number]),
      ...repeat(5, [1, 0] as [number, number]),
      ...repeat(10, [0, 1] as [number, number]),
      ...repeat(15, [0, 0] as [number, number]),
    ];
    expect(cohenKappa(pairs, [0, 1], "unweighted")).toBeCloseTo(0.4, 10);
  });

  it("quadratic weights give 2/3 where the unweighted kappa is 4/9 (computed by hand in docs/grading.md)", () => {
    const pairs: [number, number][] = [
      [0, 0],
      [1, 1],
      [2, 2],
      [0, 1],
      [2, 1],
    ];
    expect(cohenKappa(pairs, [0, 1, 2], "quadratic")).toBeCloseTo(2 / 3, 10);
    expect(cohenKappa(pairs, [0, 1, 2], "unweighted")).toBeCloseTo(4 / 9, 10);
  });

  it("is undefined when nobody ever varies, and perfect when graders always agree", () => {
    expect(cohenKappa(repeat(4, [2, 2] as [number, number]), [0, 1, 2], "quadratic")).toBeNull();
    expect(
      cohenKappa(
        [
          [0, 0],
          [2, 2],
          [1, 1],
        ],
        [0, 1, 2],
        "quadratic",
      ),
    ).toBe(1);
  });

  it("Krippendorff's alpha matches his worked example: 0.743 nominal, 0.849 interval", () => {
    // Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 coders, 12 units, gaps.
    const units = [
      [1, 1, 1],
      [2, 2, 3, 2],
      [3, 3, 3, 3],
      [3, 3, 3, 3],
      [2, 2, 2, 2],
      [1, 2, 3, 4],
      [4, 4, 4, 4],
      [1, 1, 2, 1],
      [2, 2, 2, 2],
      [5, 5, 5],
      [1, 1],
      [3],
    ];
    expect(krippendorffAlpha(units, "nominal")).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, "interval")).toBeCloseTo(0.849, 3);
    expect(
      krippendorffAlpha(
        [
          [2, 2],
          [2, 2, 2],
        ],
        "interval",
      ),
    ).toBeNull();
  });

  it("the Wilson interval takes the round's confidence", () => {
    // 8 of 10 at 95%: 0.4902 to 0.9433 (Wilson 1927; Newcombe 1998, table I method 3 style).
    const at95 = wilson(8, 10);
    expect(at95?.lower).toBeCloseTo(0.4902, 4);
    expect(at95?.upper).toBeCloseTo(0.9433, 4);
    const at99 = wilson(8, 10, 2.5758293035489004);
    expect(at99?.lower).toBeLessThan(at95?.lower ?? 0);
  });
});
