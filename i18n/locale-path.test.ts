import { describe, expect, it } from "vitest";
import { localePath } from "./locale-path";

// The addresses next-intl's getPathname gives for this routing (prefix always, no translated pathnames):
// its navigation module cannot be loaded outside Next, so they are written out.
describe("localePath", () => {
  it("puts the language before the path, with no trailing slash for the home page", () => {
    expect(localePath("kk", "/")).toBe("/kk");
    expect(localePath("ru", "/dashboard")).toBe("/ru/dashboard");
    expect(localePath("en", "/public-appeals/KZ-2026-000123")).toBe("/en/public-appeals/KZ-2026-000123");
  });

  it("writes the query as URLSearchParams does, a list as repeated keys", () => {
    expect(localePath("kk", { pathname: "/", query: { q: "су" } })).toBe("/kk?q=%D1%81%D1%83");
    expect(
      localePath("en", { pathname: "/dashboard", query: { region: ["ALA", "AST"], page: 2, all: true } }),
    ).toBe("/en/dashboard?region=ALA&region=AST&page=2&all=true");
  });

  it("keeps the fragment and leaves out a query value that is not given", () => {
    expect(
      localePath("ru", { pathname: "/grading/7", query: { item: "3", page: undefined }, hash: "item-3" }),
    ).toBe("/ru/grading/7?item=3#item-3");
    expect(localePath("ru", { pathname: "/moderation-log", query: {} })).toBe("/ru/moderation-log");
  });

  it("leaves another site's address and a place on the same page as written", () => {
    expect(localePath("kk", "https://egov.kz/")).toBe("https://egov.kz/");
    expect(localePath("kk", "mailto:help@example.kz")).toBe("mailto:help@example.kz");
    expect(localePath("en", "#entry-7")).toBe("#entry-7");
  });
});
