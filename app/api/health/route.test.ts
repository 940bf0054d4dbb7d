import { describe, expect, it, vi } from "vitest";
import journal from "@/db/migrations/meta/_journal.json";
import { useTestDatabase } from "@/test/database";

describe("GET /api/health", () => {
  const db = useTestDatabase();

  it("answers 200 with the migration version when the database is reachable", async () => {
    vi.resetModules();
    // The handler's own pool must use this file's database, never the template others clone.
    vi.stubEnv("DATABASE_URL", db.url());
    const { GET } = await import("./route");
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      database: "reachable",
      migration: journal.entries.at(-1)?.tag,
    });
  });

  it("answers 503 when the database cannot be reached", async () => {
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", "postgres://nobody:x@127.0.0.1:1/none");
    const { GET } = await import("./route");
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(503);
    expect((await response.json()).status).toBe("unavailable");
    vi.unstubAllEnvs();
  });
});
