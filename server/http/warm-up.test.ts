import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIRST_READ_PAGES, warmUp } from "./warm-up";

describe("warmUp", () => {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(req.url ?? "");
    res.writeHead(req.url === "/ru/public-appeals" ? 500 : 200, { "content-type": "text/html" });
    res.end("<html></html>");
  });
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("asks for each page once, in order, and names the ones that failed without throwing", async () => {
    const lines: string[] = [];
    await warmUp(base, FIRST_READ_PAGES, (line) => lines.push(line));
    expect(asked).toEqual(FIRST_READ_PAGES);
    expect(lines).toEqual(["warm-up: /ru/public-appeals answered 500"]);
  });

  it("goes on past a process that does not answer", async () => {
    const lines: string[] = [];
    await warmUp("http://127.0.0.1:9", ["/kk/dashboard", "/en/dashboard"], (line) => lines.push(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^warm-up: \/kk\/dashboard failed/);
  });

  it("warms the dashboards, the public appeals and the moderation log in every language", () => {
    for (const page of ["dashboard", "public-appeals", "moderation-log"])
      for (const locale of ["kk", "ru", "en"]) expect(FIRST_READ_PAGES).toContain(`/${locale}/${page}`);
  });
});
