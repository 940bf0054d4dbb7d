import { sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { captureLogs } from "@/test/capture-logs";
import { useTestDatabase } from "@/test/database";
import { handleRoute } from "./handle-route";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const request = (headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/example?email=someone%40example.kz", { headers });

describe("handleRoute", () => {
  const db = useTestDatabase();

  it("answers an unforeseen failure with a generic 500 naming the request id, and logs the failure", async () => {
    const logs = captureLogs();
    const route = handleRoute("example", async () => {
      // A real failed query: drizzle's message holds the SQL and its parameters.
      await db().execute(sql`select ${"Marker Personname"}::int`);
      return Response.json({ never: true });
    });
    const response = await route(request({ "x-request-id": "0b8e4c1a9f2d4e7b8c6a5d3e2f1a0b9c" }));
    logs.stop();
    expect(response.status).toBe(500);
    expect(response.headers.get("x-request-id")).toBe("0b8e4c1a9f2d4e7b8c6a5d3e2f1a0b9c");
    expect(await response.json()).toEqual({
      error: "INTERNAL",
      message: "Internal error",
      requestId: "0b8e4c1a9f2d4e7b8c6a5d3e2f1a0b9c",
    });
    const [failure, summary] = logs.entries();
    expect(failure).toMatchObject({
      level: "error",
      msg: "route failed",
      route: "example",
      requestId: "0b8e4c1a9f2d4e7b8c6a5d3e2f1a0b9c",
      err: { type: "DrizzleQueryError", cause: { type: "PostgresError", code: "22P02" } },
    });
    // The stack stays in the log, its first line rebuilt without the parameters.
    expect((failure?.err as { stack?: string } | undefined)?.stack).toMatch(
      /^DrizzleQueryError: Failed query: select \$1::int\n\s+at /,
    );
    expect(summary).toMatchObject({ level: "info", msg: "request", route: "example", status: 500 });
    // Neither the failed query's parameter nor the address's query string reaches the log.
    expect(logs.text()).not.toContain("Personname");
    expect(logs.text()).not.toContain("someone");
  });

  it("keeps a well-formed incoming request id and replaces anything else with a UUID", async () => {
    const route = handleRoute("example", () => new Response("ok"));
    const kept = await route(request({ "x-request-id": "edge-7f3a9c2b-41d0-4e55" }));
    expect(kept.headers.get("x-request-id")).toBe("edge-7f3a9c2b-41d0-4e55");
    for (const forged of [
      "short",
      '{"level":"info"}',
      "a".repeat(65),
      "id with spaces in it ok",
      "ид-запроса-12345678",
    ]) {
      const response = await route(request({ "x-request-id": encodeURI(forged) }));
      expect(response.headers.get("x-request-id"), forged).toMatch(UUID);
    }
    expect((await route(request())).headers.get("x-request-id")).toMatch(UUID);
  });

  it("adds the id to a response whose headers are immutable", async () => {
    const route = handleRoute("example", () => Response.redirect("http://localhost/elsewhere", 303));
    const response = await route(request({ "x-request-id": "0b8e4c1a9f2d4e7b8c6a5d3e2f1a0b9c" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://localhost/elsewhere");
    expect(response.headers.get("x-request-id")).toBe("0b8e4c1a9f2d4e7b8c6a5d3e2f1a0b9c");
  });

  it("lets Next.js's own signals through", async () => {
    const route = handleRoute("example", () => notFound());
    await expect(route(request())).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});

describe("route handlers under app/api when the database is gone", () => {
  afterEach(() => vi.unstubAllEnvs());

  const ROUTES: [string, () => Promise<{ GET: (request: Request) => Promise<Response> }>, string][] = [
    ["moderation-log", () => import("@/app/api/moderation-log/route"), "/api/moderation-log"],
    ["moderation-log/checkpoints", () => import("@/app/api/moderation-log/checkpoints/route"), "/"],
    ["metrics.json", () => import("@/app/api/exports/metrics.json/route"), "/?from=2026-01&to=2026-02"],
    ["metrics.csv", () => import("@/app/api/exports/metrics.csv/route"), "/?from=2026-01&to=2026-02"],
  ];

  it.each(ROUTES)("%s answers a generic 500 with the request id", async (_, load, path) => {
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", "postgres://nobody:secret-password@127.0.0.1:1/tyndau_gone");
    const { GET } = await load();
    const response = await GET(new Request(`http://localhost${path}`));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({
      error: "INTERNAL",
      message: "Internal error",
      requestId: expect.stringMatching(UUID),
    });
    expect(response.headers.get("x-request-id")).toBe(body.requestId);
  });
});
