import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);

/**
 * Sends `bytes` as a chunked body (no Content-Length) and stops there without ending the request: a
 * server that reads the whole body before answering would wait for the rest forever. Resolves with the
 * status the server answered while the body was still open, or null after `timeoutMs`.
 */
function chunkedWithoutEnd(o: {
  path: string;
  contentType: string;
  bytes: number;
  headers?: Record<string, string>;
  timeoutMs?: number;
}): Promise<number | null> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (status: number | null) => {
      if (settled) return;
      settled = true;
      req.destroy();
      resolve(status);
    };
    const req = httpRequest(
      {
        host: "localhost",
        port: PORT,
        path: o.path,
        method: "POST",
        headers: { "content-type": o.contentType, "transfer-encoding": "chunked", ...o.headers },
      },
      (res) => done(res.statusCode ?? null),
    );
    // A server that answers 413 and closes may reset the socket under a write still in flight: the answer
    // can still be read after the write error, so the error waits briefly for it.
    req.on("error", () => setTimeout(() => done(null), 1_000));
    const chunk = Buffer.alloc(16 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < o.bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
    };
    pump();
    setTimeout(() => done(null), o.timeoutMs ?? 15_000);
  });
}

test("a chunked JSON body over 1 MB to tRPC, without signing in, is refused 413 before it ends", async () => {
  expect(
    await chunkedWithoutEnd({
      path: "/api/trpc/account.register",
      contentType: "application/json",
      bytes: 2 << 20,
    }),
  ).toBe(413);
});

test("a chunked Open311 form over 64 KB is refused 413 before it ends", async () => {
  expect(
    await chunkedWithoutEnd({
      path: "/api/open311/v2/requests.json",
      contentType: "application/x-www-form-urlencoded",
      bytes: 256 << 10,
    }),
  ).toBe(413);
});

test("a chunked sign-in form over 64 KB is refused 413 before it ends", async () => {
  expect(
    await chunkedWithoutEnd({
      path: "/api/auth/callback/credentials",
      contentType: "application/x-www-form-urlencoded",
      bytes: 256 << 10,
    }),
  ).toBe(413);
});

test("a multipart body is allowed upload size only by a procedure that takes files", async () => {
  expect(
    await chunkedWithoutEnd({
      path: "/api/trpc/account.register",
      contentType: "multipart/form-data; boundary=x",
      bytes: 2 << 20,
    }),
  ).toBe(413);
});

test("a declared Content-Length over the limit is refused at once, before any body is sent", async ({
  request,
}) => {
  const status = await new Promise<number | null>((resolve) => {
    const req = httpRequest(
      {
        host: "localhost",
        port: PORT,
        path: "/api/trpc/account.register",
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(20 << 20) },
      },
      (res) => {
        resolve(res.statusCode ?? null);
        req.destroy();
      },
    );
    req.on("error", () => resolve(null));
    req.flushHeaders();
    setTimeout(() => resolve(null), 15_000);
  });
  expect(status).toBe(413);
  // The server is still well after the floods.
  expect((await request.get("/api/health")).status()).toBe(200);
});
