import { routing } from "@/i18n/routing";

/**
 * The public pages most read under a headline, in every language: a new web process renders them before
 * it says it is ready (scripts/serve.ts).
 */
export const FIRST_READ_PAGES = ["dashboard", "public-appeals", "moderation-log"].flatMap((page) =>
  routing.locales.map((locale) => `/${locale}/${page}`),
);

/**
 * Asks for each page once, as a reader would, one after another. A process's first rendering of a route
 * loads its code and fills the process's own page cache: two new processes under 500 reads a second made
 * their first readers wait up to 4 s (docs/performance.md, "Two web processes on a million"). A page that
 * fails is left to its first reader: warming must never keep a process from serving.
 */
export async function warmUp(
  base: string,
  paths: readonly string[],
  log: (line: string) => void,
): Promise<void> {
  for (const path of paths) {
    try {
      const response = await fetch(`${base}${path}`, {
        headers: { accept: "text/html", "accept-encoding": "gzip" },
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      if (!response.ok) log(`warm-up: ${path} answered ${response.status}`);
    } catch (error) {
      log(`warm-up: ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
