import { describe, expect, it } from "vitest";
import { publicBaseUrl, publicBaseUrlProblem } from "./public-base-url";

describe("the public base URL printed on receipts and notices", () => {
  it("prefers PUBLIC_BASE_URL, falls back to the auth URL, and drops a trailing slash", () => {
    expect(publicBaseUrl({ PUBLIC_BASE_URL: "https://tyndau.kz/", NEXTAUTH_URL: "http://x" })).toBe(
      "https://tyndau.kz",
    );
    expect(publicBaseUrl({ NEXTAUTH_URL: "https://app.tyndau.kz" })).toBe("https://app.tyndau.kz");
  });

  it("refuses an address the public cannot reach", () => {
    for (const url of [
      "http://localhost:3000",
      "http://127.0.0.1",
      "http://[::1]:80",
      "http://app.localhost",
    ]) {
      expect(publicBaseUrlProblem(url)).toBe("loopback");
    }
    expect(publicBaseUrlProblem(undefined)).toBe("missing");
    expect(publicBaseUrlProblem("tyndau.kz")).toBe("invalid");
    expect(publicBaseUrlProblem("ftp://tyndau.kz")).toBe("invalid");
    expect(publicBaseUrlProblem("https://tyndau.kz")).toBeNull();
  });
});
