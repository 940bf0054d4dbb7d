import { describe, expect, it } from "vitest";
import { appealNumberOf, openIdOf } from "./open-id";

describe("the ASCII id of an appeal", () => {
  it("is the number in Latin letters, safe in a URL as it is", () => {
    const id = openIdOf("ЖТ-2026-000314");
    expect(id).toBe("JT-2026-000314");
    expect(encodeURIComponent(id)).toBe(id);
  });

  it("leads back to the same number, as does the number itself and the ways people type it", () => {
    for (const given of [
      "JT-2026-000314",
      "jt-2026-000314",
      "ЖТ-2026-000314",
      "жт 2026-314",
      "2026/000314",
    ]) {
      expect(appealNumberOf(given), given).toBe("ЖТ-2026-000314");
    }
    expect(appealNumberOf("pothole on Abai")).toBeNull();
  });

  it("is one-to-one: distinct numbers get distinct ids", () => {
    const numbers = ["ЖТ-2025-000001", "ЖТ-2026-000001", "ЖТ-2026-000002", "ЖТ-2026-999999"];
    const ids = numbers.map(openIdOf);
    expect(new Set(ids).size).toBe(numbers.length);
    expect(ids.map((id) => appealNumberOf(id))).toEqual(numbers);
  });

  it("refuses a number with a letter it cannot write in ASCII, rather than leak it into a URL", () => {
    expect(() => openIdOf("ЗТ-2026-000001")).toThrow(/ASCII/);
  });
});
