import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  detectPersonalData,
  isValidIin,
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
  type PersonalDataSpan,
  passesLuhn,
} from "./detect-personal-data";

type Snippet = { line: number; lang: string; names: string[]; text: string; gold: PersonalDataSpan[] };

const MARK = /⟦([a-z]+):([^⟧]+)⟧/gu;

/** Reads the labelled set: the marks are taken out of the text and become the expected spans. */
function readSnippets(): Snippet[] {
  const raw = readFileSync(join(__dirname, "labelled-snippets.txt"), "utf8");
  return raw.split("\n").flatMap((row, i) => {
    if (row.trim() === "" || row.startsWith("#")) return [];
    const [lang, names, marked] = row.split("\t");
    if (!lang || !names || marked === undefined)
      throw new Error(`line ${i + 1} is not lang<TAB>names<TAB>text`);
    const gold: PersonalDataSpan[] = [];
    let text = "";
    let at = 0;
    for (const m of marked.matchAll(MARK)) {
      const kind = m[1] as PersonalDataKind;
      if (!PERSONAL_DATA_KINDS.includes(kind)) throw new Error(`line ${i + 1}: unknown kind ${kind}`);
      text += marked.slice(at, m.index);
      gold.push({ start: text.length, end: text.length + (m[2] ?? "").length, kind });
      text += m[2];
      at = m.index + m[0].length;
    }
    text += marked.slice(at);
    return [{ line: i + 1, lang, names: names === "-" ? [] : names.split(";"), text, gold }];
  });
}

// A found span counts when it is of the same kind and covers at least half of the union with the
// labelled one: "ул. Абая, д. 12" against "ул. Абая, д. 12, кв. 34" is a miss, a trailing space is not.
const overlapShare = (a: PersonalDataSpan, b: PersonalDataSpan) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) /
  (Math.max(a.end, b.end) - Math.min(a.start, b.start));
const matches = (a: PersonalDataSpan, b: PersonalDataSpan) => a.kind === b.kind && overlapShare(a, b) >= 0.5;

describe("the personal-data detector", () => {
  it("checks IIN/BIN check digits, with the second weights when the first give 10", () => {
    expect(isValidIin("880101300172")).toBe(true);
    expect(isValidIin("880101300173")).toBe(false);
    expect(isValidIin("050440010005")).toBe(true);
    expect(isValidIin("88010130017")).toBe(false);
    // 11 digits weighted 1..11 give 10 here, so the check digit comes from the second weights.
    const needsSecond = "880101300111";
    const first = [...needsSecond.slice(0, 11)].reduce((s, d, i) => s + (i + 1) * Number(d), 0) % 11;
    expect(first).toBe(10);
    expect(isValidIin(needsSecond)).toBe(true);
  });

  it("checks card numbers with Luhn", () => {
    expect(passesLuhn("4400430123456789")).toBe(true);
    expect(passesLuhn("4400430123456780")).toBe(false);
  });

  it("holds precision and recall of at least 0.95 per span on the labelled kk/ru/en set", () => {
    const snippets = readSnippets();
    expect(snippets.length).toBeGreaterThanOrEqual(200);
    expect(new Set(snippets.map((s) => s.lang))).toEqual(new Set(["kk", "ru", "en"]));
    const perKind = new Map<string, { tp: number; fp: number; fn: number }>();
    const tally = (kind: string) => {
      const t = perKind.get(kind) ?? { tp: 0, fp: 0, fn: 0 };
      perKind.set(kind, t);
      return t;
    };
    const mistakes: string[] = [];
    for (const s of snippets) {
      const found = detectPersonalData(s.text, { names: s.names });
      const used = new Set<number>();
      for (const g of s.gold) {
        const i = found.findIndex((f, j) => !used.has(j) && matches(f, g));
        if (i >= 0) {
          used.add(i);
          tally(g.kind).tp++;
        } else {
          tally(g.kind).fn++;
          mistakes.push(`missed ${g.kind} "${s.text.slice(g.start, g.end)}" (line ${s.line})`);
        }
      }
      for (const [j, f] of found.entries()) {
        if (used.has(j)) continue;
        tally(f.kind).fp++;
        mistakes.push(`wrongly marked ${f.kind} "${s.text.slice(f.start, f.end)}" (line ${s.line})`);
      }
    }
    const sum = [...perKind.values()].reduce(
      (a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, fn: a.fn + t.fn }),
      { tp: 0, fp: 0, fn: 0 },
    );
    const precision = sum.tp / (sum.tp + sum.fp);
    const recall = sum.tp / (sum.tp + sum.fn);
    const rows = [...perKind.entries()].map(
      ([kind, t]) => `${kind.padEnd(8)} tp ${t.tp} fp ${t.fp} fn ${t.fn}`,
    );
    console.info(
      [
        `personal-data detector on ${snippets.length} snippets, ${sum.tp + sum.fn} labelled spans:`,
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
        ...rows,
        ...mistakes,
      ].join("\n"),
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    // Every kind the issue names is in the set, so none can be dropped without the figures showing it.
    for (const kind of PERSONAL_DATA_KINDS) expect(perKind.get(kind)?.tp ?? 0).toBeGreaterThan(0);
  });
});
