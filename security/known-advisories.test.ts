import { describe, expect, it } from "vitest";
import { matchAdvisories } from "./known-advisories";

describe("the dependency audit", () => {
  it("refuses Next.js versions open to the middleware bypass and to React2Shell", () => {
    expect(matchAdvisories({ next: ["15.2.2"] }).map((a) => a.id)).toContain("CVE-2025-29927");
    expect(matchAdvisories({ next: ["16.0.6"] }).map((a) => a.id)).toEqual(["CVE-2025-66478"]);
    expect(matchAdvisories({ "next-auth": ["4.24.4"] }).map((a) => a.id)).toEqual(["CVE-2023-48309"]);
  });

  it("passes the versions this project installs", () => {
    expect(
      matchAdvisories({ next: ["16.4.6"], "next-auth": ["4.24.15"], "react-server-dom-webpack": ["19.3.1"] }),
    ).toEqual([]);
  });
});
