import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "@/db/client";
import { useTestDatabase } from "@/test/database";
import { trpcEndpoint, trpcUrl } from "@/test/trpc-over-http";

const STACK_FRAME = /\n\s+at /;
const REQUEST_ID = "support-quote-0001-abcdef";

async function bodyOf(response: Response) {
  const text = await response.text();
  return { text, json: JSON.parse(text) };
}

describe("the tRPC endpoint under faults and malformed requests", () => {
  const db = useTestDatabase();
  const endpoint = trpcEndpoint(() => ({ db: db(), user: null, clientIp: "direct" }));
  // Nothing listens on port 1: every query fails to connect.
  const unreachable = createDatabase("postgres://nobody:secret-password@127.0.0.1:1/tyndau_gone", { max: 1 });
  afterAll(() => unreachable.$client.end({ timeout: 0 }));

  it("answers a database it cannot reach with 500, a fixed message and the request id, nothing else", async () => {
    const broken = trpcEndpoint(() => ({ db: unreachable, user: null, clientIp: "direct" }));
    const response = await broken(
      new Request(trpcUrl("directory.list", { locale: "en" }), { headers: { "x-request-id": REQUEST_ID } }),
    );
    expect(response.status).toBe(500);
    expect(response.headers.get("x-request-id")).toBe(REQUEST_ID);
    const { text, json } = await bodyOf(response);
    expect(json.error.json).toEqual({
      code: -32603,
      message: "Internal error",
      data: {
        code: "INTERNAL_SERVER_ERROR",
        httpStatus: 500,
        domainCode: "INTERNAL",
        fieldErrors: null,
        requestId: REQUEST_ID,
      },
    });
    // Vitest runs with NODE_ENV=test, where tRPC would add the stack: the formatter never does.
    for (const leak of ["ECONNREFUSED", "127.0.0.1", "tyndau_gone", "secret-password", "stack"])
      expect(text).not.toContain(leak);
    expect(text).not.toMatch(STACK_FRAME);
  });

  it("answers a failing query with no SQL, no table and no constraint name", async () => {
    // A transaction that has already failed refuses every later statement: the procedure's own query fails.
    const response = await db()
      .transaction(async (tx) => {
        await tx.execute(sql`select 1 / 0`).catch(() => {});
        const inAbortedTransaction = trpcEndpoint(() => ({ db: tx as Db, user: null, clientIp: "direct" }));
        const answer = await inAbortedTransaction(new Request(trpcUrl("directory.list", { locale: "ru" })));
        throw Object.assign(new Error("rollback"), { answer });
      })
      .catch((error: { answer?: Response }) => error.answer);
    expect(response?.status).toBe(500);
    const { text, json } = await bodyOf(response as Response);
    expect(json.error.json.message).toBe("Internal error");
    expect(json.error.json.data.domainCode).toBe("INTERNAL");
    for (const leak of [
      "select",
      "Failed query",
      "state_bodies",
      "transaction is aborted",
      "25P02",
      "division",
    ])
      expect(text.toLowerCase()).not.toContain(leak.toLowerCase());
    expect(text).not.toMatch(STACK_FRAME);
  });

  const deep = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
  const batchOf = (n: number) => Array.from({ length: n }, () => "directory.list").join(",");
  const post = (body: BodyInit, contentType?: string): RequestInit => ({
    method: "POST",
    body,
    headers: contentType ? { "content-type": contentType } : {},
  });
  const garbageMultipart = post("this is not multipart", "multipart/form-data; boundary=nothing");
  const MALFORMED: [string, string, RequestInit?][] = [
    ["a body that is not JSON", "/api/trpc/track.appeal", post("{not json", "application/json")],
    ["JSON nested 50,000 deep", "/api/trpc/track.appeal", post(deep, "application/json")],
    ["a body of another media type", "/api/trpc/track.appeal", post("number=1", "text/plain")],
    ["a multipart body that is not multipart", "/api/trpc/appeal.file", garbageMultipart],
    ["a form where JSON is expected", "/api/trpc/track.appeal", post(new FormData())],
    ["GET on a mutation", "/api/trpc/track.appeal"],
    ["POST on a query", "/api/trpc/directory.list", post("{}", "application/json")],
    ["PUT", "/api/trpc/directory.list", { method: "PUT", body: "{}" }],
    ["DELETE", "/api/trpc/directory.list", { method: "DELETE" }],
    ["no such procedure", "/api/trpc/nothing.here"],
    ["a 10,000-character path", `/api/trpc/${"a".repeat(10_000)}`],
    ["a path of dots", "/api/trpc/..%2F..%2Fetc"],
    ["input that is not JSON", "/api/trpc/directory.list?input=%7B%7B%7B"],
    ["input of the wrong type", `/api/trpc/directory.list?input=${encodeURIComponent('{"json":5}')}`],
    [
      "a superjson value of an unknown type",
      `/api/trpc/directory.list?input=${encodeURIComponent('{"json":{"locale":"en"},"meta":{"values":{"locale":["custom","Nope"]}}}')}`,
    ],
    [
      "a superjson reference loop",
      `/api/trpc/directory.list?input=${encodeURIComponent('{"json":{"a":{}},"meta":{"referentialEqualities":{"a":["a.b.c.d"]}}}')}`,
    ],
    ["a batch of 51 calls", `/api/trpc/${batchOf(51)}?batch=1`],
    ["a batch of 5,000 calls", `/api/trpc/${batchOf(5000)}?batch=1`],
    ["a batch whose input is a list", `/api/trpc/${batchOf(2)}?batch=1&input=%5B1%2C2%5D`],
    [
      "a batch with garbage inputs",
      `/api/trpc/${batchOf(2)}?batch=1&input=${encodeURIComponent('{"0":"x","1":[]}')}`,
    ],
    ["a batch mixing queries and mutations", "/api/trpc/directory.list,track.appeal?batch=1"],
  ];

  it.each(MALFORMED)("answers %s with 4xx, never 500 and never a stack", async (_, path, init) => {
    const response = await endpoint(new Request(`http://localhost${path}`, init));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const text = await response.text();
    expect(text).not.toMatch(STACK_FRAME);
    expect(text).not.toContain('"stack"');
  });
});
