import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { createDatabase } from "@/db/client";

/**
 * Finds visible text that is not in the page's language. Kazakh Cyrillic has every Russian letter, so the
 * script alone cannot tell a Russian string on a Kazakh page; the catalogues can. A word is foreign when
 * another language's catalogue has it and the page language's catalogue does not; a Latin-script word is
 * foreign unless the page's catalogue uses it (codes such as CSV, API). What people wrote (subjects, texts,
 * names, answers, moderators' facts) is theirs and may be in any language: every string of the tables that
 * hold it is taken out of the page's text first. Numbers, e-mails, addresses and appeal numbers are no words.
 */
const ROOT = path.resolve(__dirname, "..");

type Catalogue = Record<string, unknown>;

function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === "string") out.push(node);
  else if (node && typeof node === "object")
    for (const v of Object.values(node as Catalogue)) strings(v, out);
  return out;
}

/** The words a message shows: ICU arguments ({name}, {n, plural, one {…}}) are syntax, not text. */
function messageWords(message: string): string[] {
  const text = message
    .replace(/\{\s*[\w.]+\s*,\s*(plural|select|selectordinal|number|date|time)\s*(,\s*\w+\s*)?[,}]/g, " ")
    .replace(/(\b\w+|=\d+)\s*\{/g, " ")
    .replace(/\{\s*[\w.]+\s*\}/g, " ")
    .replace(/<\/?[\w-]+>/g, " ");
  return words(text);
}

export function words(text: string): string[] {
  return (
    text
      .replace(/https?:\/\/\S+/g, " ")
      .replace(/\S+@\S+/g, " ")
      .replace(/\S*\d\S*/g, " ")
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []
  );
}

function catalogueWords(locale: string): Set<string> {
  const dir = path.join(ROOT, "messages", locale);
  const set = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")))
    for (const s of strings(JSON.parse(readFileSync(path.join(dir, file), "utf8"))))
      for (const w of messageWords(s)) set.add(w);
  return set;
}

const LOCALES = ["kk", "ru", "en"] as const;
type Locale = (typeof LOCALES)[number];
const cache = new Map<Locale, Set<string>>();
const wordsOf = (l: Locale) => cache.get(l) ?? cache.set(l, catalogueWords(l)).get(l) ?? new Set<string>();

/** Every string people entered: the tables that hold what citizens, officials, moderators and admins wrote. */
export async function userContent(): Promise<string[]> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Run e2e through scripts/with-test-database.ts: DATABASE_URL is not set");
  const db = createDatabase(url, { max: 1 });
  try {
    const tables = [
      "appeals",
      "appeal_events",
      "appeal_answers",
      "appeal_ratings",
      "appeal_publications",
      "attachments",
      "moderation_log",
      "moderation_contests",
      "users",
      "api_keys",
      "calendar_days",
      // Registers imported from other systems: their agencies and services are named in their own words.
      "imported_registers",
      "imported_appeals",
    ];
    const out = new Set<string>();
    for (const table of tables) {
      const rows = await db.execute<{ j: unknown }>(sql.raw(`select row_to_json(t) as j from ${table} t`));
      for (const row of rows) for (const s of jsonStrings(row.j)) if (s.length >= 2) out.add(s);
    }
    return [...out].sort((a, b) => b.length - a.length);
  } finally {
    await db.$client.end();
  }
}

function jsonStrings(node: unknown, out: string[] = []): string[] {
  if (typeof node === "string") {
    out.push(node);
    // Columns that hold JSON as text (the log's canonical entry) hold people's words inside.
    if (node.startsWith("{") || node.startsWith("["))
      try {
        jsonStrings(JSON.parse(node), out);
      } catch {}
  } else if (node && typeof node === "object") for (const v of Object.values(node)) jsonStrings(v, out);
  return out;
}

/** The page's visible text, one entry per text node, plus what assistive technology reads from attributes. */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [document.title];
    const pageLang = document.documentElement.lang;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim();
      if (!el || !text) continue;
      // A command to copy (the log's verifier) is code, not words of any language.
      if (el.closest("script, style, noscript, template, code, kbd, samp")) continue;
      // Text marked as another language (the language switcher's own names) is that language on purpose.
      const lang = el.closest("[lang]")?.getAttribute("lang");
      if (lang && lang !== pageLang) continue;
      // Hidden by display or visibility: nobody sees or hears it. A visually hidden label is still read.
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      texts.push(text);
    }
    for (const el of document.body.querySelectorAll("[placeholder], [aria-label], [title], img[alt]")) {
      const lang = el.closest("[lang]")?.getAttribute("lang");
      if (lang && lang !== pageLang) continue;
      for (const attr of ["placeholder", "aria-label", "title", "alt"]) {
        const v = el.getAttribute(attr);
        if (v) texts.push(v);
      }
    }
    return texts;
  });
}

/** The texts with a word in another language, each with the words that give it away. */
export function foreignTexts(texts: string[], locale: Locale, people: string[]): string[] {
  const own = wordsOf(locale);
  const others = LOCALES.filter((l) => l !== locale).map(wordsOf);
  const found: string[] = [];
  for (const original of texts) {
    // A moderator's redaction marker stands in the middle of people's own words: what is left is still theirs.
    let text = original.replaceAll("[…]", " ").trim();
    // People's own words, longest first; a shortened quote of them (a subject cut in a list) also counts.
    if (text.length >= 12 && people.some((p) => p.includes(text))) continue;
    for (const p of people) if (p.length >= 3 && text.includes(p)) text = text.split(p).join(" ");
    const bad = words(text).filter((w) => {
      // The brand is written in the page's script: Тыңдау in Kazakh and Russian, Tyndau in English only.
      if (w === "tyndau" && locale !== "en") return true;
      if (own.has(w)) return false;
      if (/^[a-z]+$/.test(w)) return true;
      return others.some((o) => o.has(w));
    });
    if (bad.length) found.push(`${original.slice(0, 120)}  ⟵ ${bad.join(", ")}`);
  }
  return found;
}
