// `npm run generate -- --appeals 1000000 [--fresh] [--months 30] [--seed 2026] [--no-refresh]`: fills a
// database with generated appeals for benchmarks (not demos: see docs/performance.md).
import { generateAppeals } from "@/db/generate/generate-appeals";
import { flag, openBenchDatabase } from "./bench-database";

async function main() {
  const appeals = Number(flag("--appeals") ?? 100_000);
  if (!Number.isSafeInteger(appeals) || appeals < 1)
    throw new Error("--appeals must be a positive whole number");
  // --fresh: start from an empty bench database instead of adding to what is there.
  const { url, db, close } = await openBenchDatabase({ fresh: process.argv.includes("--fresh") });
  try {
    console.log(`Generating ${appeals} appeals into ${url.replace(/\/\/[^@]*@/, "//")}`);
    const summary = await generateAppeals(db, {
      appeals,
      months: flag("--months") ? Number(flag("--months")) : undefined,
      seed: flag("--seed") ? Number(flag("--seed")) : undefined,
      refresh: !process.argv.includes("--no-refresh"),
      log: (line) => console.log(`  ${line}`),
    });
    console.log(
      `Done in ${summary.seconds.toFixed(0)} s: ${summary.appeals} appeals (${summary.complaints} complaints) ` +
        `filed ${summary.from} to ${summary.to}, ${summary.events} events, ${summary.answers} answers, ` +
        `${summary.ratings} ratings, ${summary.logEntries} moderation log entries.`,
    );
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
