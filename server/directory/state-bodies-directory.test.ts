// Guards the integrity of the state-body directory so appeal routing can always find a competent body.
import { describe, expect, it } from "vitest";
import { REGION_CODES, REGIONS } from "./regions";
import { CATEGORIES, STATE_BODIES } from "./state-bodies-directory";

const byCode = new Map(STATE_BODIES.map((body) => [body.code, body]));

describe("regions", () => {
  it("lists 17 regions and 3 cities of republican significance with names in all languages", () => {
    expect(REGION_CODES).toHaveLength(20);
    expect(Object.keys(REGIONS).sort()).toEqual([...REGION_CODES].sort());
    const kinds = REGION_CODES.map((code) => REGIONS[code].kind);
    expect(kinds.filter((kind) => kind === "city")).toHaveLength(3);
    expect(kinds.filter((kind) => kind === "region")).toHaveLength(17);
    for (const code of REGION_CODES) {
      const { name, centre } = REGIONS[code];
      for (const text of [name.kk, name.ru, name.en, centre.kk, centre.ru, centre.en]) {
        expect(text.trim(), code).not.toBe("");
      }
    }
  });
});

describe("STATE_BODIES", () => {
  it("has at least 60 bodies", () => {
    expect(STATE_BODIES.length).toBeGreaterThanOrEqual(60);
  });

  it("has unique codes", () => {
    expect(byCode.size).toBe(STATE_BODIES.length);
  });

  it("refers only to existing parents", () => {
    const missing = STATE_BODIES.filter((b) => b.parentCode !== null && !byCode.has(b.parentCode));
    expect(missing.map((b) => b.code)).toEqual([]);
  });

  it("has exactly one root, the Government", () => {
    const roots = STATE_BODIES.filter((b) => b.parentCode === null);
    expect(roots.map((b) => b.code)).toEqual(["government"]);
  });

  it("has no cycles in the parent chain", () => {
    for (const body of STATE_BODIES) {
      const seen = new Set<string>();
      let current: string | null = body.code;
      while (current !== null) {
        expect(seen.has(current), `cycle through ${body.code}`).toBe(false);
        seen.add(current);
        current = byCode.get(current)?.parentCode ?? null;
      }
    }
  });

  it("has non-empty names in kk, ru and en", () => {
    for (const body of STATE_BODIES) {
      expect(body.name.kk.trim(), body.code).not.toBe("");
      expect(body.name.ru.trim(), body.code).not.toBe("");
      expect(body.name.en.trim(), body.code).not.toBe("");
    }
  });

  it("gives every body at least one known category", () => {
    for (const body of STATE_BODIES) {
      expect(body.categories.length, body.code).toBeGreaterThan(0);
      for (const category of body.categories) expect(CATEGORIES).toContain(category);
    }
  });

  it("sets region only and always for non-central bodies, within the parent's region", () => {
    for (const body of STATE_BODIES) {
      if (body.level === "central") {
        expect(body.region, body.code).toBeNull();
      } else {
        expect(body.region, body.code).not.toBeNull();
        expect(REGION_CODES).toContain(body.region);
      }
      if (body.level === "district") {
        const parent = byCode.get(body.parentCode ?? "");
        expect(parent?.region, body.code).toBe(body.region);
      }
    }
  });

  it("has a regional or central competent body for every (category, region) pair", () => {
    const gaps: string[] = [];
    for (const category of CATEGORIES) {
      for (const region of REGION_CODES) {
        const found = STATE_BODIES.some(
          (b) => b.categories.includes(category) && (b.level === "central" || b.region === region),
        );
        if (!found) gaps.push(`${category}/${region}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it("has an akimat for each of the 20 regions, directly under the Government", () => {
    for (const region of REGION_CODES) {
      const akimat = byCode.get(`akimat-${region.replaceAll("_", "-")}`);
      expect(akimat, region).toBeDefined();
      expect(akimat?.level).toBe("regional");
      expect(akimat?.region).toBe(region);
      expect(akimat?.parentCode).toBe("government");
    }
  });
});
