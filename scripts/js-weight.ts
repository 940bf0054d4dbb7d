// The JavaScript each page ships, read from the build output (`next build`), no server and no database.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export type PageWeight = { route: string; group: string; files: number; bytes: number; gzip: number };

function manifests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...manifests(full));
    else if (entry.name === "page_client-reference-manifest.js") out.push(full);
  }
  return out;
}

/**
 * Per page: the framework's own chunks every page loads (build-manifest rootMainFiles) and every chunk its
 * client-reference manifest lists for its layouts, boundaries and page, each counted once, gzipped as a
 * server would send it. An upper bound: a boundary's chunk (error, not-found) counts though it may load late.
 */
export function pageWeights(distDir = process.env.NEXT_DIST_DIR ?? ".next"): PageWeight[] {
  const buildManifest = path.join(distDir, "build-manifest.json");
  if (!existsSync(buildManifest)) throw new Error(`No build in ${distDir}: run \`next build\` first`);
  const root: string[] = JSON.parse(readFileSync(buildManifest, "utf8")).rootMainFiles ?? [];
  const sizes = new Map<string, { bytes: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const content = readFileSync(path.join(distDir, file));
      size = { bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
      sizes.set(file, size);
    }
    return size;
  };
  const appDir = path.join(distDir, "server", "app");
  return manifests(appDir)
    .map((file) => {
      const text = readFileSync(file, "utf8");
      // `globalThis.__RSC_MANIFEST["<page>"] = {…};`, spaced by Turbopack and not by webpack.
      const assignment = /__RSC_MANIFEST\["(?:[^"\\]|\\.)*"\]\s*=\s*/.exec(text);
      if (!assignment) throw new Error(`${file} is not a client-reference manifest`);
      const json = text.slice(assignment.index + assignment[0].length).replace(/;\s*$/, "");
      const route = path.relative(appDir, path.dirname(file)) || "/";
      const manifest = JSON.parse(json) as { entryJSFiles?: Record<string, string[]> };
      // A webpack build (`next build --webpack`) lists no entry chunks per segment: its pages load their
      // chunks through client references, which this count would miss and so understate.
      if (!manifest.entryJSFiles) throw new Error(`${file} lists no entryJSFiles: measure a Turbopack build`);
      const files = new Set([...root, ...Object.values(manifest.entryJSFiles).flat()]);
      let bytes = 0;
      let gzip = 0;
      for (const f of files) {
        const s = sizeOf(f);
        bytes += s.bytes;
        gzip += s.gzip;
      }
      const group = route.match(/\(([^)]+)\)/)?.[1] ?? (route.startsWith("[locale]") ? "locale" : "other");
      return { route: `/${route}`, group, files: files.size, bytes, gzip };
    })
    .sort((a, b) => a.group.localeCompare(b.group) || a.route.localeCompare(b.route));
}

const kb = (n: number) => (n / 1024).toFixed(1);

export function printPageWeights(distDir?: string) {
  const pages = pageWeights(distDir);
  console.log("\n| Page group | Page | JS files | JS KB | JS KB gzip |");
  console.log("| --- | --- | ---: | ---: | ---: |");
  for (const p of pages)
    console.log(`| ${p.group} | ${p.route} | ${p.files} | ${kb(p.bytes)} | ${kb(p.gzip)} |`);
  console.log("\n| Page group | pages | heaviest page, KB gzip |");
  console.log("| --- | ---: | ---: |");
  const groups = new Map<string, PageWeight[]>();
  for (const p of pages) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  for (const [group, list] of groups)
    console.log(`| ${group} | ${list.length} | ${kb(Math.max(...list.map((p) => p.gzip)))} |`);
}
