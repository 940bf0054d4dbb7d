import { beforeAll, describe, expect, it, vi } from "vitest";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { countCameBack } from "@/server/metrics/count-came-back";
import { refreshMetrics } from "@/server/metrics/refresh-metrics";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal, officialOf } from "@/test/official-fixtures";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: () => state.db,
  getReadDatabase: () => state.db,
}));

const csvRoute = await import("./answers.csv/route");
const jsonRoute = await import("./answers.json/route");

describe("what the answers say, as open data", () => {
  const db = useTestDatabase();
  const url = (file: string, query: string) => new Request(`http://localhost/api/exports/${file}?${query}`);

  beforeAll(async () => {
    state.db = db();
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    for (const [day, decision] of [
      ["2026-03-10", "explained"],
      ["2026-03-11", "satisfied"],
    ] as const) {
      const appeal = await fileTestAppeal(db(), { filedAt: almaty(`${day}T10:00:00`) });
      await answerAppeal(db(), {
        appealId: appeal.id,
        decision,
        text: `The courtyard lights were inspected on ${day}; the contractor replaced the broken lamps.`,
        legalGrounds: "In line with the legislation.",
        appealRights: "You may complain to the superior body or to court within three months.",
        official: acting,
        now: almaty(`${day}T15:00:00`),
      });
    }
    // The open data read the summaries, as the dashboards do: after the refresh and the night's count.
    await refreshMetrics(db(), almaty("2026-03-12T12:00:00"));
    await countCameBack(db(), almaty("2026-03-13T02:00:00"));
  });

  it("gives one row per body with each count and the base of each share, in CSV and JSON alike", async () => {
    const csv = await csvRoute.GET(url("answers.csv", "from=2026-03&to=2026-03"));
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const [header, ...lines] = (await csv.text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1);
    const row = Object.fromEntries((header ?? "").split(",").map((c, i) => [c, lines[0]?.split(",")[i]]));
    expect(row).toMatchObject({
      body_code: "akimat-almaty-city",
      answered: "2",
      explained: "1",
      satisfied: "1",
      explained_share: "0.5",
      checked: "2",
      lawful_language: "2",
      names_legal_ground: "0",
      names_legal_ground_share: "0",
      came_back: "0",
      came_back_base: "2",
      came_back_counted_at: "2026-03-12T21:00:00.000Z",
    });
    const json = await (await jsonRoute.GET(url("answers.json", "from=2026-03&to=2026-03&by=region"))).json();
    expect(json.rows).toEqual([
      expect.objectContaining({ region: "almaty_city", answered: 2, explained: 1 }),
    ]);
    expect((await csvRoute.GET(url("answers.csv", "from=2026-04&to=2026-03"))).status).toBe(400);
  });
});
