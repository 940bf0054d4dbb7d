import { describe, expect, it } from "vitest";
import { asLocale, isLocale, routing } from "./routing";

describe("the languages the service speaks", () => {
  it("takes each of its own languages as it is and anything else as the state language", () => {
    for (const l of routing.locales) expect(asLocale(l)).toBe(l);
    for (const l of ["de", "KK", "ru-RU", "", null, undefined]) {
      expect(isLocale(l)).toBe(false);
      expect(asLocale(l)).toBe("kk");
    }
  });
});
