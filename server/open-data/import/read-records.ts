import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";

/**
 * The records of a register file, one at a time, so that a file of millions of rows is never held in
 * memory: CSV with a header row (RFC 4180, UTF-8, a byte-order mark allowed), or JSON Lines (one object per
 * line: .jsonl, .ndjson). A line of JSON that is not an object is yielded as an error record.
 */
export async function* readRecords(
  file: string,
): AsyncGenerator<Record<string, unknown> | { invalid: string }> {
  if (/\.(jsonl|ndjson)$/i.test(file)) {
    const lines = createInterface({
      input: createReadStream(file, "utf8"),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      if (line.trim() === "") continue;
      try {
        const value = JSON.parse(line) as unknown;
        yield value && typeof value === "object" && !Array.isArray(value)
          ? (value as Record<string, unknown>)
          : { invalid: "a line that is not a JSON object" };
      } catch {
        yield { invalid: "a line that is not valid JSON" };
      }
    }
    return;
  }
  if (!/\.csv$/i.test(file)) throw new Error("the register must be a .csv, .jsonl or .ndjson file");
  const parser = createReadStream(file).pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }),
  );
  for await (const record of parser) yield record as Record<string, unknown>;
}
