import { expect, test } from "@playwright/test";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test("every page and API response names its request id, keeping a well-formed one from a proxy in front", async ({
  request,
}) => {
  const page = await request.get("/en/track");
  expect(page.headers()["x-request-id"]).toMatch(UUID);
  expect(page.headers()["content-security-policy"]).toContain("'nonce-");

  const api = await request.get("/api/health");
  expect(api.headers()["x-request-id"]).toMatch(UUID);

  const kept = await request.get("/en/track", { headers: { "x-request-id": "edge-3f2c9a7e1b4d4c0e9a8b" } });
  expect(kept.headers()["x-request-id"]).toBe("edge-3f2c9a7e1b4d4c0e9a8b");
  const forged = await request.get("/api/health", { headers: { "x-request-id": "forged line" } });
  expect(forged.headers()["x-request-id"]).toMatch(UUID);
});

test("a malformed request answers 4xx with its request id, never 500 and never a stack", async ({
  request,
}) => {
  const malformed = await request.post("/api/trpc/track.appeal", {
    headers: { "content-type": "application/json" },
    data: "{not json",
  });
  expect(malformed.status()).toBe(400);
  const unknown = await request.get("/api/trpc/no.such.procedure");
  expect(unknown.status()).toBe(404);
  const body = await unknown.json();
  expect(body.error.json.data.requestId).toBe(unknown.headers()["x-request-id"]);
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |"stack"/);
});
