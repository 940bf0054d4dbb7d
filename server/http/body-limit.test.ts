import { describe, expect, it } from "vitest";
import { BODY_LIMITS, PayloadTooLargeError, readBodyWithin, withinBodyLimit } from "./body-limit";
import { handleRoute } from "./handle-route";

/**
 * A chunked body (no Content-Length) arriving a chunk per turn of the event loop, as from a socket, that
 * counts how much of it was pulled and whether the reader let it go.
 */
function endless(chunkBytes: number, chunks = Number.POSITIVE_INFINITY) {
  let pulled = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setImmediate(resolve));
      if (pulled >= chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(chunkBytes));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, pulled: () => pulled, cancelled: () => cancelled };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("body limits", () => {
  it("refuse a chunked body as soon as it passes the limit, and drop what follows only for the linger", async () => {
    const source = endless(64 * 1024);
    const request = new Request("http://localhost/api/trpc/x", {
      method: "POST",
      body: source.body,
      duplex: "half",
    } as RequestInit);
    await expect(readBodyWithin(request, BODY_LIMITS.json, 100)).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(source.pulled()).toBeLessThanOrEqual(BODY_LIMITS.json / (64 * 1024) + 2);
    expect(source.cancelled()).toBe(false);
    await sleep(300);
    expect(source.cancelled()).toBe(true);
    const pulledWhenLetGo = source.pulled();
    await sleep(100);
    expect(source.pulled()).toBe(pulledWhenLetGo);
  });

  it("refuse a declared length over the limit before reading a byte", async () => {
    const source = endless(1024, 10);
    const request = new Request("http://localhost/api/open311/v2/requests.json", {
      method: "POST",
      body: source.body,
      headers: { "content-length": String(BODY_LIMITS.form + 1) },
      duplex: "half",
    } as RequestInit);
    const answer = await withinBodyLimit(request, BODY_LIMITS.form);
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(413);
    expect(source.pulled()).toBeLessThanOrEqual(1);
    // The rest is short and is dropped to its end, so the connection stays usable.
    await sleep(100);
    expect(source.pulled()).toBe(10);
  });

  it("answer 413 from every route before its handler runs, and pass a body within the limit untouched", async () => {
    let ran = 0;
    const route = handleRoute("example", async (req: Request) => {
      ran += 1;
      return Response.json({ length: (await req.text()).length });
    });
    const big = await route(
      new Request("http://localhost/api/example", {
        method: "POST",
        body: endless(64 * 1024, 40).body,
        duplex: "half",
      } as RequestInit),
    );
    expect(big.status).toBe(413);
    expect(ran).toBe(0);
    const small = await route(
      new Request("http://localhost/api/example", { method: "POST", body: "x".repeat(1000) }),
    );
    expect(await small.json()).toEqual({ length: 1000 });
  });
});
