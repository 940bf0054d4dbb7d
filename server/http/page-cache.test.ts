import { createServer, get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FilledPage, PageCache } from "./page-cache";

const policy = (nonce: string) => `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`;

describe("the public page cache", () => {
  let generation = "g1";
  let fills: string[] = [];
  let status = 200;
  let server: Server;
  let base = "";

  // Stands in for Next.js: each rendering gets its own nonce, as proxy.ts gives it.
  async function render(path: string): Promise<FilledPage> {
    fills.push(path);
    await new Promise((r) => setTimeout(r, 20));
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    return {
      status,
      headers: [
        ["content-type", "text/html; charset=utf-8"],
        ["content-security-policy", policy(nonce)],
        ["set-cookie", "NEXT_LOCALE=ru; Path=/"],
      ],
      body: `<html><body><p>${generation} ${"x".repeat(2000)}</p><script nonce="${nonce}">1</script></body></html>`,
    };
  }

  const cache = new PageCache({ generation: async () => generation, fill: render });

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (cache.accepts(req)) void cache.serve(req, res);
      else res.end("not cached");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));
  beforeEach(() => {
    fills = [];
    status = 200;
  });

  const nonceIn = (html: string) => html.match(/nonce="([^"]+)"/)?.[1];

  it("renders a page once for many readers, each with a nonce of its own in the policy and the page", async () => {
    generation = "g-many";
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => fetch(`${base}/ru/dashboard?sort=name`)),
    );
    const pages = await Promise.all(answers.map(async (a) => ({ a, html: await a.text() })));
    expect(fills).toEqual(["/ru/dashboard?sort=name"]);
    const nonces = new Set<string>();
    for (const { a, html } of pages) {
      expect(a.status).toBe(200);
      expect(html).toContain("g-many");
      const nonce = nonceIn(html) ?? "";
      expect(a.headers.get("content-security-policy")).toBe(policy(nonce));
      expect(a.headers.get("set-cookie")).toBe("NEXT_LOCALE=ru; Path=/");
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(8);
  });

  it("renders again once the generation changes, and compresses for a reader who accepts gzip", async () => {
    generation = "g-before";
    await (await fetch(`${base}/kk/public-appeals`)).text();
    generation = "g-after";
    const answer = await fetch(`${base}/kk/public-appeals`, { headers: { "accept-encoding": "gzip" } });
    expect(answer.headers.get("content-encoding")).toBe("gzip");
    expect(await answer.text()).toContain("g-after");
    expect(fills).toEqual(["/kk/public-appeals", "/kk/public-appeals"]);
    // Undici inflates on its own; the bytes on the wire are gzip.
    const raw = await new Promise<Buffer>((resolve) => {
      const req = get(`${base}/kk/public-appeals`, { headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(Buffer.concat(chunks)));
      });
      req.end();
    });
    expect(gunzipSync(raw).toString()).toContain("g-after");
  });

  it("leaves the signed-in, client-side navigations and other pages to the application", async () => {
    generation = "g-bypass";
    const signedIn = await fetch(`${base}/en/dashboard`, {
      headers: { cookie: "next-auth.session-token=abc; NEXT_LOCALE=en" },
    });
    expect(await signedIn.text()).toBe("not cached");
    const navigation = await fetch(`${base}/en/dashboard`, { headers: { rsc: "1" } });
    expect(await navigation.text()).toBe("not cached");
    expect(await (await fetch(`${base}/en/appeals`)).text()).toBe("not cached");
    expect(await (await fetch(`${base}/en/sign-in`)).text()).toBe("not cached");
    const post = await fetch(`${base}/en/dashboard`, { method: "POST" });
    expect(await post.text()).toBe("not cached");
    expect(fills).toEqual([]);
  });

  it("keeps no page that was not rendered whole", async () => {
    generation = "g-error";
    status = 500;
    await (await fetch(`${base}/en/moderation-log`)).text();
    status = 200;
    const answer = await fetch(`${base}/en/moderation-log`);
    expect(answer.status).toBe(200);
    expect(fills).toEqual(["/en/moderation-log", "/en/moderation-log"]);
  });
});
