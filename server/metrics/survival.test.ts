import { describe, expect, it } from "vitest";
import { rankLeague } from "./league-ranking";
import { kaplanMeier, wilson } from "./survival";

const h = (entries: [number, number][]) => new Map(entries);

describe("kaplanMeier", () => {
  it("counts the open appeals as censored, so the median is later than the answered-only one", () => {
    // Answered after 2, 4, 4 and 10 working days; still open at ages 3, 6 and 12.
    // At 2: 7 at risk, S = 6/7. At 4: 5 at risk (the one censored at 3 left), S = 6/7 · 3/5 = 0.514.
    // At 10: 2 at risk (censored at 6 left), S = 0.514 · 1/2 = 0.257 ≤ 0.5: the median is 10 days,
    // where the answered-only median of 2, 4, 4, 10 is 4. S never reaches 0.1: no p90 yet.
    const km = kaplanMeier({
      events: h([
        [2, 1],
        [4, 2],
        [10, 1],
      ]),
      censored: h([
        [3, 1],
        [6, 1],
        [12, 1],
      ]),
    });
    expect(km).toEqual({ median: 10, p90: null, answered: 4, censored: 3 });
  });

  it("equals the plain percentiles when nothing is censored", () => {
    const km = kaplanMeier({
      events: h([
        [1, 1],
        [3, 1],
        [4, 1],
        [9, 1],
        [30, 1],
      ]),
      censored: new Map(),
    });
    expect([km.median, km.p90]).toEqual([4, 30]);
  });

  it("keeps a censored appeal at risk on its own day", () => {
    // Answered at 5, one open at age 5: S(5) = 1 − 1/2 = 0.5, the median.
    expect(kaplanMeier({ events: h([[5, 1]]), censored: h([[5, 1]]) }).median).toBe(5);
  });
});

describe("wilson", () => {
  it("gives the 95% score interval", () => {
    // 1 of 1: lower bound 1 / (1 + 1.96²) = 0.2065.
    expect(wilson(1, 1)?.lower).toBeCloseTo(0.2065, 4);
    // 29 of 30: p = 0.9667, lower ≈ 0.8333.
    expect(wilson(29, 30)?.lower).toBeCloseTo(0.8333, 3);
    expect(wilson(0, 0)).toBeNull();
  });
});

describe("rankLeague", () => {
  const row = (code: string, due: number, answered: number) => ({
    code,
    received: due,
    due,
    answered,
    rated: 0,
    responseRate: due > 0 ? answered / due : null,
    onTimeRate: null,
    overdue: due - answered,
    medianDays: null,
    p90Days: null,
    meanQuality: null,
    heardShare: null,
    complaintRate: null,
    formalShare: null,
  });

  it("never ranks a figure under 30 appeals above one with enough data, whichever way it is sorted", () => {
    const rows = [row("one", 1, 1), row("big", 40, 20), row("none", 0, 0)];
    expect(rankLeague(rows, "responseRate", "desc").map((r) => [r.code, r.small])).toEqual([
      ["big", false],
      ["one", true],
      ["none", true],
    ]);
    expect(rankLeague(rows, "responseRate", "asc").map((r) => r.code)).toEqual(["big", "one", "none"]);
  });

  it("ranks by the Wilson lower bound: 290 of 300, then 95 of 100, then 30 of 30", () => {
    const rows = [row("a", 100, 95), row("b", 300, 290), row("c", 30, 30)];
    // Lower bounds: 30/30 → 0.886, 95/100 → 0.888, 290/300 → 0.940.
    expect(rankLeague(rows, "responseRate", "desc").map((r) => r.code)).toEqual(["b", "a", "c"]);
  });
});
