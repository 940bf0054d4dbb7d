// Guards the integrity of the state-body directory so appeal routing can always find a competent body.
import { describe, expect, it } from "vitest";
import { REGION_CODES, REGIONS } from "./regions";
import { CATEGORIES, DIRECTORY_SOURCES, STATE_BODIES } from "./state-bodies-directory";

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

  it("has as roots only the Government, the Administration of the President and the independent bodies", () => {
    const roots = STATE_BODIES.filter((b) => b.parentCode === null).map((b) => b.code);
    expect(roots.sort()).toEqual(
      [
        "government",
        "president-administration",
        "prosecutor-general",
        "central-election-commission",
        "constitutional-court",
        "supreme-court",
        "human-rights-commissioner",
      ].sort(),
    );
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

describe("the central bodies and their real hierarchy", () => {
  const ancestors = (code: string) => {
    const chain: string[] = [];
    for (let c = byCode.get(code)?.parentCode ?? null; c !== null; c = byCode.get(c)?.parentCode ?? null)
      chain.push(c);
    return chain;
  };

  it("lists every central body a citizen may write to (issue 15)", () => {
    const required = [
      "president-administration",
      "government",
      "government-office",
      "min-foreign-affairs",
      "min-defence",
      "national-security-committee",
      "state-security-service",
      "supreme-audit-chamber",
      "central-election-commission",
      "national-bank",
      "constitutional-court",
      "supreme-court",
      "human-rights-commissioner",
      "bureau-national-statistics",
      "prosecutor-general",
      "strategic-planning-agency",
      "financial-monitoring-agency",
      "atomic-energy-agency",
    ];
    for (const code of required) expect(byCode.get(code)?.level, code).toBe("central");
  });

  it("has all 21 ministries, each directly under the Government", () => {
    const ministries = STATE_BODIES.filter((b) => b.level === "central" && /^Ministry of /.test(b.name.en));
    expect(ministries).toHaveLength(21);
    for (const m of ministries) expect(m.parentCode, m.code).toBe("government");
    expect(new Set(ministries.map((m) => m.name.ru)).size).toBe(21);
  });

  it("keeps the bodies accountable to the President out of the Government's tree, and the reverse", () => {
    const underPresident = STATE_BODIES.filter((b) => ancestors(b.code).includes("president-administration"));
    expect(underPresident.length).toBeGreaterThan(0);
    for (const b of underPresident) expect(ancestors(b.code), b.code).not.toContain("government");
    for (const code of [
      "national-security-committee",
      "anti-corruption-agency",
      "financial-monitoring-agency",
    ]) {
      expect(byCode.get(code)?.parentCode, code).toBe("president-administration");
    }
  });

  it("keeps the General Prosecutor's Office independent, with its own offices under it", () => {
    expect(byCode.get("prosecutor-general")?.parentCode).toBeNull();
    const offices = STATE_BODIES.filter(
      (b) => b.code.startsWith("prosecutor-") && b.code !== "prosecutor-general",
    );
    expect(offices.length).toBeGreaterThan(0);
    for (const o of offices) expect(ancestors(o.code), o.code).toEqual(["prosecutor-general"]);
  });

  it("cites a source, or says why not, for every body placed outside the Government", () => {
    const placed = STATE_BODIES.filter(
      (b) =>
        b.code !== "government" && (b.parentCode === null || b.parentCode === "president-administration"),
    );
    expect(placed.length).toBeGreaterThan(10);
    for (const b of placed) expect(b.sources.length > 0 || (b.note ?? "").length > 0, b.code).toBe(true);
  });

  it("cites only listed sources, each with an https address, and lists no source nobody cites", () => {
    const cited = new Set(STATE_BODIES.flatMap((b) => b.sources));
    for (const key of cited) expect(DIRECTORY_SOURCES[key], key).toBeDefined();
    for (const [key, s] of Object.entries(DIRECTORY_SOURCES)) {
      expect(cited.has(key), key).toBe(true);
      expect(new URL(s.url).protocol, key).toBe("https:");
    }
  });
});
