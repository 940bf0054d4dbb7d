// `npm run import -- <file> --mapping <mapping.json> [--format csv|json]` (`-` for standard input): brings a
// register of appeals kept elsewhere (CSV, a JSON array or JSON Lines) into imported_appeals, streaming, and prints its progress, the rows it refused with the reason,
// and the figures of the register per agency and per service type (docs/open-data.md). Re-importing the
// same file writes nothing. Exits 0 when it ran (refused rows included), 2 when it could not.
import { readFileSync } from "node:fs";
import { createDatabase } from "@/db/client";
import { resolveDatabaseUrl } from "@/scripts/resolve-database";
import { importRegister } from "@/server/open-data/import/import-register";
import { formatOf, readRecords } from "@/server/open-data/import/read-records";
import { type RegisterFigure, registerFigures } from "@/server/open-data/import/register-figures";
import { RegisterMapping } from "@/server/open-data/import/register-mapping";

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf("--mapping");
  const mappingFile = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const formatAt = args.indexOf("--format");
  const format = formatAt >= 0 ? args.splice(formatAt, 2)[1] : undefined;
  const [file] = args;
  if (!file || !mappingFile || (format !== undefined && !["csv", "json", "jsonl"].includes(format))) {
    throw new Error("usage: import <file | -> --mapping <mapping.json> [--format csv|json]");
  }
  const parsed = RegisterMapping.safeParse(JSON.parse(readFileSync(mappingFile, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `the mapping is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const mapping = parsed.data;
  const { url, stop } = await resolveDatabaseUrl();
  const db = createDatabase(url, { max: 2 });
  let peak = process.memoryUsage().rss;
  let last = 0;
  try {
    const report = await importRegister(db, {
      // JSON Lines and a JSON array are told apart by their first character.
      records: readRecords(file, format ? (format === "csv" ? "csv" : "json") : formatOf(file)),
      mapping,
      onProgress: (r) => {
        peak = Math.max(peak, process.memoryUsage().rss);
        if (r.read - last >= 50_000) {
          last = r.read;
          console.error(
            `… ${r.read} rows read, ${r.written} written, ${r.refused} refused, memory ${megabytes(peak)}`,
          );
        }
      },
    });
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(
      `Imported ${file} as "${mapping.source}": ${report.read} rows read, ${report.written} written, ` +
        `${report.unchanged} unchanged, ${report.refused} refused. Peak memory ${megabytes(peak)}.`,
    );
    for (const [reason, n] of Object.entries(report.refusedByReason))
      console.log(`  refused, ${reason}: ${n}`);
    for (const r of report.refusals.slice(0, 20))
      console.log(`  line ${r.line}${r.id ? ` (${r.id})` : ""}: ${r.reason}`);
    const figures = await registerFigures(db, { source: mapping.source });
    if (!figures) return;
    const line = (f: RegisterFigure) =>
      `  ${f.key || "(none)"}: ${f.count}, ${f.closedShare ?? "–"}, ${f.hoursMedian ?? "–"} h, ${f.hoursP90 ?? "–"} h, ` +
      `${f.workingDaysMedian ?? "–"} d, ${f.workingDaysP90 ?? "–"} d`;
    console.log(
      "\nFigures: count, closed share, hours to close (median, p90), Kazakhstan working days (median, p90)",
    );
    console.log(line({ ...figures.all, key: "all" }));
    for (const [title, rows] of [
      ["By agency", figures.byAgency],
      ["By service type", figures.byServiceType],
    ] as const) {
      console.log(`${title}:`);
      for (const f of rows.slice(0, 50)) console.log(line(f));
      if (rows.length > 50)
        console.log(`  … and ${rows.length - 50} more (the page and the export have all)`);
    }
    console.log(
      `Working days counted on Kazakhstan's calendar of ${figures.calendarYears.map((y) => y.year).join(", ") || "no year"}` +
        (figures.provisionalYears.length
          ? `; provisional (computed from the rules, not yet confirmed): ${figures.provisionalYears.join(", ")}.`
          : "; every year confirmed."),
    );
  } finally {
    await db.$client.end();
    await stop();
  }
}

main().catch((error) => {
  console.error(`FAIL: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
