import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, parseTrustedProxies, resolveClientAddress } from "./client-address";
import { stampClientAddress } from "./stamp-client-address";

describe("the caller's address", () => {
  const none = parseTrustedProxies("");
  const proxy = parseTrustedProxies("10.0.0.5, 192.168.1.0/24, ::1");

  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress({ peer: "203.0.113.7", forwardedFor: "198.51.100.1", trusted: none })).toBe(
      "203.0.113.7",
    );
    expect(resolveClientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: "1.2.3.4", trusted: none })).toBe(
      "127.0.0.1",
    );
  });

  it("behind a trusted proxy, is the hop that proxy added, never what the client wrote before it", () => {
    // The client wrote "1.2.3.4"; the proxy appended the address it saw.
    expect(
      resolveClientAddress({ peer: "10.0.0.5", forwardedFor: "1.2.3.4, 203.0.113.7", trusted: proxy }),
    ).toBe("203.0.113.7");
    // Two trusted proxies in a row: both their hops are skipped.
    expect(
      resolveClientAddress({
        peer: "10.0.0.5",
        forwardedFor: ["9.9.9.9, 203.0.113.8", "192.168.1.20"],
        trusted: proxy,
      }),
    ).toBe("203.0.113.8");
    // A garbled hop stops the walk at the last address a trusted proxy vouched for.
    expect(resolveClientAddress({ peer: "10.0.0.5", forwardedFor: "<script>", trusted: proxy })).toBe(
      "10.0.0.5",
    );
    expect(resolveClientAddress({ peer: "10.0.0.5", forwardedFor: undefined, trusted: proxy })).toBe(
      "10.0.0.5",
    );
  });

  it("refuses a TRUSTED_PROXIES entry it cannot read rather than guess", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("proxy.example")).toThrow(/TRUSTED_PROXIES/);
  });

  it("reaches the app over real HTTP as the socket's address, a forged header overwritten", async () => {
    const server = createServer((req, res) => {
      stampClientAddress(req, none);
      res.end(JSON.stringify({ stamped: req.headers[CLIENT_ADDRESS_HEADER] }));
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const { port } = server.address() as AddressInfo;
    const answer = await new Promise<string>((done, fail) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          headers: { "x-forwarded-for": "198.51.100.23", [CLIENT_ADDRESS_HEADER]: "198.51.100.24" },
        },
        (res) => {
          let body = "";
          res.on("data", (d) => {
            body += d;
          });
          res.on("end", () => done(body));
        },
      );
      req.on("error", fail);
      req.end();
    });
    server.close();
    expect(JSON.parse(answer)).toEqual({ stamped: "127.0.0.1" });
  });
});
