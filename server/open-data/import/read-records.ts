import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";

export type RegisterFormat = "csv" | "jsonl";

/** The format a file's name says: .csv, or .jsonl / .ndjson (JSON Lines); null for any other. */
export function formatOf(file: string): RegisterFormat | null {
  if (/\.csv$/i.test(file)) return "csv";
  return /\.(jsonl|ndjson)$/i.test(file) ? "jsonl" : null;
}

/**
 * The records of a register, one at a time, so that a file of millions of rows is never held in memory:
 * CSV with a header row (RFC 4180, UTF-8, a byte-order mark allowed), or JSON Lines (one object per line).
 * `-` reads standard input, so rows can be piped in as they are made. A line of JSON that is not an
 * object is yielded as an error record.
 */
export async function* readRecords(
  file: string,
  format: RegisterFormat | null = formatOf(file),
): AsyncGenerator<Record<string, unknown> | { invalid: string }> {
  const input = () => (file === "-" ? process.stdin : createReadStream(file));
  if (format === "jsonl") {
    const lines = createInterface({ input: input(), crlfDelay: Number.POSITIVE_INFINITY });
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
  if (format !== "csv") {
    throw new Error("the register must be a .csv, .jsonl or .ndjson file (or say which with --format)");
  }
  const parser = input().pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }),
  );
  for await (const record of parser) yield record as Record<string, unknown>;
}
