import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-to";

describe("the page to return to after signing in", () => {
  it("keeps a path of this site with its query, without the language", () => {
    expect(safeReturnPath("/kk/appeals/0b6f7a4e-1111-4c1d-9a8e-2f0d5b7f6a01")).toBe(
      "/appeals/0b6f7a4e-1111-4c1d-9a8e-2f0d5b7f6a01",
    );
    expect(safeReturnPath("/ru/inbox?tab=overdue")).toBe("/inbox?tab=overdue");
    expect(safeReturnPath("/notifications")).toBe("/notifications");
  });

  it("refuses any other site, however the address is dressed", () => {
    for (const bad of [
      "https://evil.example/kk/account",
      "//evil.example/account",
      "/\\evil.example",
      "javascript:alert(1)",
      "\t/account",
      "",
      null,
    ])
      expect(safeReturnPath(bad), String(bad)).toBeNull();
    // Encoded line breaks stay encoded, inside this site's path.
    expect(safeReturnPath("/%0d%0aevil")).toBe("/%0d%0aevil");
  });

  it("does not loop back to signing in", () => {
    expect(safeReturnPath("/kk/sign-in")).toBeNull();
    expect(safeReturnPath("/register")).toBeNull();
  });
});
