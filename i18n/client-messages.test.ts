import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_MESSAGES, type ClientMessagesArea, pickMessages } from "./client-messages";
import { loadMessages } from "./messages";

const ROOT = path.resolve(import.meta.dirname, "..");
const LOCALE_DIR = path.join(ROOT, "app/[locale]");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The project's own module a specifier names, or undefined for a package, a style sheet or data. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : undefined;
  if (!base) return undefined;
  return ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]
    .map((ending) => base + ending)
    .find((file) => /\.tsx?$/.test(file) && existsSync(file));
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g;
const TRANSLATIONS = /useTranslations\(\s*(?:"([^"]*)")?\s*\)/g;

/**
 * Every namespace the client components reachable from `entries` translate with. A module is a client
 * module when it says "use client" or a client module imports it; an empty namespace is the whole catalogue.
 */
function clientNamespaces(entries: string[]): Map<string, string> {
  const used = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string, client: boolean) => {
    const key = `${file}|${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = readFileSync(file, "utf8");
    const isClient = client || /^\s*["']use client["']/.test(source);
    if (isClient)
      for (const m of source.matchAll(TRANSLATIONS)) used.set(m[1] ?? "", path.relative(ROOT, file));
    for (const m of source.matchAll(IMPORT)) {
      const target = resolveImport(file, (m[1] ?? m[2]) as string);
      if (target) visit(target, isClient);
    }
  };
  for (const entry of entries) visit(entry, false);
  return used;
}

const covers = (paths: readonly string[], namespace: string) =>
  paths.some((p) => namespace === p || namespace.startsWith(`${p}.`));

const groupDirs = readdirSync(LOCALE_DIR).filter((name) => /^\(.+\)$/.test(name));
// Pages that only read: no translation provider reaches the browser there (app/[locale]/layout.tsx).
const READING_GROUP = "(reading)";
const providedGroups = groupDirs.filter((dir) => dir !== READING_GROUP);
// next-intl's client entry points need its provider: its hooks, and @/i18n/navigation's Link and router.
const NEEDS_PROVIDER = /(?:^|\n)\s*import\s[^;]*?from\s+"(?:next-intl|@\/i18n\/navigation)"/;

/** The client modules reachable from `entries` that import next-intl's client side. */
function clientModulesNeedingProvider(entries: string[]): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, client: boolean) => {
    const key = `${file}|${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = readFileSync(file, "utf8");
    const isClient = client || /^\s*["']use client["']/.test(source);
    if (isClient && NEEDS_PROVIDER.test(source)) found.add(path.relative(ROOT, file));
    for (const m of source.matchAll(IMPORT)) {
      const target = resolveImport(file, (m[1] ?? m[2]) as string);
      if (target) visit(target, isClient);
    }
  };
  for (const entry of entries) visit(entry, false);
  return [...found];
}
const everyPageEntries = readdirSync(LOCALE_DIR)
  .filter((name) => /\.tsx?$/.test(name))
  .map((name) => path.join(LOCALE_DIR, name));

describe("the messages sent to the browser", () => {
  it("cover every namespace a client component translates with, page by page", () => {
    const missing: string[] = [];
    for (const [namespace, file] of clientNamespaces(everyPageEntries))
      if (!covers(CLIENT_MESSAGES.everyPage, namespace))
        missing.push(`every page: "${namespace}" in ${file}`);
    for (const dir of providedGroups) {
      const area = dir.slice(1, -1) as ClientMessagesArea;
      const passed = [...CLIENT_MESSAGES.everyPage, ...(CLIENT_MESSAGES[area] ?? [])];
      for (const [namespace, file] of clientNamespaces(filesUnder(path.join(LOCALE_DIR, dir))))
        if (!covers(passed, namespace)) missing.push(`${dir}: "${namespace}" in ${file}`);
    }
    expect(missing).toEqual([]);
  });

  it("are needed by no client component of the root layout or of the pages that only read", () => {
    const reading = [...everyPageEntries, ...filesUnder(path.join(LOCALE_DIR, READING_GROUP))];
    expect(clientModulesNeedingProvider(reading)).toEqual([]);
    expect(existsSync(path.join(LOCALE_DIR, READING_GROUP, "layout.tsx"))).toBe(false);
  });

  it("are passed by a layout in each audience's route group, with an area of its own", () => {
    for (const dir of providedGroups) {
      expect(Object.keys(CLIENT_MESSAGES), dir).toContain(dir.slice(1, -1));
      const layout = readFileSync(path.join(LOCALE_DIR, dir, "layout.tsx"), "utf8");
      expect(layout, dir).toContain(`<ClientMessages area="${dir.slice(1, -1)}">`);
    }
  });

  it("name branches that exist in the catalogue, and carry nothing else", async () => {
    const messages = await loadMessages("kk");
    const picked = pickMessages(messages, ["publicAppeals.appeal", "nav", "citizen.file", "citizen.rate"]);
    expect(Object.keys(picked).sort()).toEqual(["citizen", "nav", "publicAppeals"]);
    expect(Object.keys(picked.publicAppeals as object)).toEqual(["appeal"]);
    expect(Object.keys(picked.citizen as object)).toEqual(["file", "rate"]);
    for (const paths of Object.values(CLIENT_MESSAGES))
      expect(() => pickMessages(messages, paths)).not.toThrow();
    expect(() => pickMessages(messages, ["publicAppeals.nowhere"])).toThrow(/publicAppeals.nowhere/);
  });
});
