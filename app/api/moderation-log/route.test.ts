import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/test/database";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";

// The route runs as Next.js runs it; only the process-wide pool is pointed at the test's database.
const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: () => state.db,
  getReadDatabase: () => state.db,
}));
const { GET } = await import("./route");
const checkpoint = await import("./checkpoint/route");
const checkpoints = await import("./checkpoints/route");

const page = async (query: string) => GET(new Request(`http://localhost/api/moderation-log${query}`));

describe("GET /api/moderation-log", () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    state.db = db();
    for (const s of ["published", "declined", "hidden"] as const) await filePublicAppeal(db(), { state: s });
  });

  it("pages through the log oldest first, with where to go on", async () => {
    const all = await (await page("")).json();
    const seqs = all.entries.map((e: { seq: number }) => e.seq);
    expect(seqs.length).toBeGreaterThanOrEqual(3);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const first = await (await page("?limit=1")).json();
    expect(first.entries.map((e: { seq: number }) => e.seq)).toEqual([seqs[0]]);
    expect(first.next).toBe(seqs[0]);
    const rest = await (await page(`?after=${first.next}`)).json();
    expect(rest.entries.map((e: { seq: number }) => e.seq)).toEqual(seqs.slice(1));
    expect(rest.next).toBeNull();
  });

  it.each(["?after=-1", "?after=abc", "?limit=0", "?limit=1.5", "?after=1&actor=moderator", "?sort=desc"])(
    "answers %s with 400 and a reason, not a page",
    async (query) => {
      const response = await page(query);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: expect.stringMatching(/no other parameters/) });
    },
  );

  it("answers the checkpoints, which take no parameters, with 400 naming any given", async () => {
    const history = await checkpoints.GET(new Request("http://localhost/api/moderation-log/checkpoints"));
    expect(history.status).toBe(200);
    expect(await history.json()).toHaveProperty("checkpoints");
    for (const route of [checkpoint, checkpoints]) {
      const refused = await route.GET(new Request("http://localhost/api/moderation-log/checkpoint?size=3"));
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ error: "This address takes no parameters: size" });
    }
  });
});
