import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { fileComplaint } from "@/server/appeals/file-complaint";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty, bodyIdOf, fileTestAppeal } from "@/test/official-fixtures";
import { answerFigures, CAME_BACK_DAYS, computeAnswerFigures } from "./answer-figures";
import { countCameBack, countCameBackIfDue } from "./count-came-back";
import { refreshMetrics } from "./refresh-metrics";

// The city akimat, the Government above it, two districts below it (siblings of each other), and the
// city's health department: every relation CAME_BACK distinguishes.
const BODIES = [
  "government",
  "akimat-almaty-city",
  "akimat-almaty-city-bostandyk",
  "akimat-almaty-city-medeu",
  "dept-almaty-city-health",
] as const;
const CATEGORIES = ["housing_utilities", "education"] as const;
const DAY = 86_400_000;
const YEAR = { from: "2026-01", to: "2026-12" };

/** A small deterministic generator (mulberry32): the same appeals on every run. */
function seeded(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

describe("the nightly came-back count", () => {
  const db = useTestDatabase();

  const file = (
    authorId: string,
    o: { body: (typeof BODIES)[number]; category?: (typeof CATEGORIES)[number]; at: Date },
  ) => fileTestAppeal(db(), { authorId, bodyCode: o.body, category: o.category, filedAt: o.at });

  async function answer(appeal: { id: string; bodyId: string }, at: Date) {
    const official = await createActor(db(), "official", { bodyId: appeal.bodyId });
    await answerAppeal(db(), {
      appealId: appeal.id,
      decision: "explained",
      text: "The lights were repaired by the district's contractor and work every night now.",
      legalGrounds: "APPC Art. 76",
      appealRights: "You may complain to the superior body or to court (APPC Art. 91).",
      official: { id: official.id, bodyId: appeal.bodyId },
      now: at,
    });
  }

  /** Came back and its base per body over the year, from the count and straight from the appeals. */
  async function bothWays(database: Database) {
    const rows = [];
    for (const code of BODIES) {
      const bodyId = await bodyIdOf(database, code);
      const counted = await answerFigures(database, { bodyId, period: YEAR });
      const direct = await computeAnswerFigures(database, { bodyId, period: YEAR });
      rows.push({
        code,
        counted: [counted.cameBack, counted.cameBackBase],
        direct: [direct.cameBack, direct.cameBackBase],
      });
    }
    return rows;
  }

  it("counts exactly what CAME_BACK asks of each answer, at the edges and over random appeals", async () => {
    // Before the first count the figures say so rather than show a zero as counted.
    expect((await answerFigures(db(), { period: YEAR })).cameBackCountedAt).toBeNull();
    const at = (local: string) => almaty(local);
    const edge = async (later: {
      body: (typeof BODIES)[number];
      afterMs: number;
      category?: "education";
    }) => {
      const author = (await createActor(db(), "citizen")).id;
      const first = await file(author, { body: "akimat-almaty-city", at: at("2026-02-02T10:00:00") });
      const answeredAt = at("2026-02-10T10:00:00");
      await answer(first, answeredAt);
      await file(author, {
        body: later.body,
        category: later.category,
        at: new Date(answeredAt.getTime() + later.afterMs),
      });
    };
    // Returns: to a body below, to the body above, on the 180th day to the minute.
    await edge({ body: "akimat-almaty-city-bostandyk", afterMs: 30 * DAY });
    await edge({ body: "government", afterMs: 30 * DAY });
    await edge({ body: "akimat-almaty-city", afterMs: CAME_BACK_DAYS * DAY });
    // Not returns: at the very instant of the answer, a minute past 180 days, another category.
    await edge({ body: "akimat-almaty-city", afterMs: 0 });
    await edge({ body: "akimat-almaty-city", afterMs: CAME_BACK_DAYS * DAY + 60_000 });
    await edge({ body: "akimat-almaty-city-medeu", afterMs: 20 * DAY, category: "education" });
    // A complaint about the answer goes to the same body, by the same author, in the same category: no return.
    const complainer = (await createActor(db(), "citizen")).id;
    const complained = await file(complainer, { body: "akimat-almaty-city", at: at("2026-03-02T10:00:00") });
    await answer(complained, at("2026-03-05T10:00:00"));
    await fileComplaint(db(), {
      appealId: complained.id,
      citizenId: complainer,
      text: "The answer does not say when the lights will be repaired.",
      publishConsent: false,
      locale: "en",
      idempotencyKey: "complaint-1",
      now: at("2026-03-06T10:00:00"),
    });

    // Two authors filing about two categories to five related bodies over five months, most appeals answered.
    const random = seeded(17);
    const authors = await Promise.all([1, 2].map(async () => (await createActor(db(), "citizen")).id));
    for (let i = 0; i < 36; i += 1) {
      const author = authors[random(authors.length)] as string;
      const filedAt = new Date(
        at("2026-01-05T09:00:00").getTime() + random(150) * DAY + random(600) * 60_000,
      );
      const appeal = await file(author, {
        body: BODIES[random(BODIES.length)] as (typeof BODIES)[number],
        category: CATEGORIES[random(CATEGORIES.length)],
        at: filedAt,
      });
      if (random(4) > 0) await answer(appeal, new Date(filedAt.getTime() + (1 + random(20)) * DAY));
    }

    await refreshMetrics(db(), at("2026-12-20T12:00:00"));
    const countedAt = at("2026-12-20T12:05:00");
    await countCameBack(db(), countedAt);
    const rows = await bothWays(db());
    for (const r of rows) expect(r.counted, r.code).toEqual(r.direct);
    const republic = await answerFigures(db(), { period: YEAR });
    expect(republic.cameBackCountedAt).toBe(countedAt.toISOString());
    // The random appeals bring returns of every kind; the edges alone bring three.
    expect(republic.cameBack).toBeGreaterThan(3);
    const city = rows.find((r) => r.code === "akimat-almaty-city");
    expect(city?.counted[0]).toBeGreaterThanOrEqual(3);
  });

  it("keeps the last count until the next one, and the cached figures follow the count", async () => {
    // A district the first test leaves alone.
    const author = (await createActor(db(), "citizen")).id;
    const first = await file(author, { body: "akimat-almaty-city-medeu", at: almaty("2026-11-02T10:00:00") });
    await answer(first, almaty("2026-11-10T10:00:00"));
    await refreshMetrics(db(), almaty("2026-11-11T12:00:00"));
    const never = await answerFigures(db(), { period: { from: "2026-11", to: "2026-11" } });
    expect(never).toMatchObject({ answered: 1, cameBack: 0, cameBackBase: 0 });

    await countCameBack(db(), almaty("2026-11-12T02:00:00"));
    await file(author, { body: "akimat-almaty-city-medeu", at: almaty("2026-11-20T10:00:00") });
    await refreshMetrics(db(), almaty("2026-11-20T12:00:00"));
    const beforeNight = await answerFigures(db(), { period: { from: "2026-11", to: "2026-11" } });
    expect(beforeNight).toMatchObject({ cameBack: 0, cameBackBase: 1 });

    await countCameBack(db(), almaty("2026-11-21T02:00:00"));
    const afterNight = await answerFigures(db(), { period: { from: "2026-11", to: "2026-11" } });
    expect(afterNight).toMatchObject({
      cameBack: 1,
      cameBackBase: 1,
      cameBackCountedAt: almaty("2026-11-21T02:00:00").toISOString(),
    });
  });

  it("counts at start-up only when the night's count is missing", async () => {
    const countedAt = async () => (await answerFigures(db(), { period: YEAR })).cameBackCountedAt;
    // Counted at 03:00 Almaty on the 21st; a process starting at noon has last night's count.
    await countCameBack(db(), almaty("2026-11-21T03:00:00"));
    await countCameBackIfDue(db(), almaty("2026-11-21T12:00:00"));
    expect(await countedAt()).toBe(almaty("2026-11-21T03:00:00").toISOString());
    // The next night's hour has passed (02:00 Almaty is 21:00 UTC the day before): counted again.
    await countCameBackIfDue(db(), almaty("2026-11-22T02:00:10"));
    expect(await countedAt()).toBe(almaty("2026-11-22T02:00:10").toISOString());
  });
});
