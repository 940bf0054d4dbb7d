import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

export type RegisterFormat = "csv" | "json";

/** A record of the register with the line of the file it starts on, or why it could not be read. */
export type RecordAt = { line: number } & ({ record: Record<string, unknown> } | { invalid: string });

/** The format a file's name says: .csv, or .json / .jsonl / .ndjson; null for any other. */
export function formatOf(file: string): RegisterFormat | null {
  if (/\.csv$/i.test(file)) return "csv";
  return /\.(json|jsonl|ndjson)$/i.test(file) ? "json" : null;
}

/** One element of a JSON array or one line of JSON Lines longer than this is no record of an appeal. */
const RECORD_MAX_CHARS = 1_000_000;

/**
 * The records of a register, one at a time, so that a file of millions of rows is never held in memory:
 * CSV with a header row (RFC 4180, UTF-8, a byte-order mark allowed), or JSON: an array of objects, read
 * element by element as the bytes arrive, or JSON Lines (one object per line), told apart by the first
 * character. `-` reads standard input, so rows can be piped in as they are made. A record that is not a
 * JSON object is yielded as invalid, with its line, and the reading goes on; a file that is no JSON
 * array or JSON Lines at all throws.
 */
export async function* readRecords(
  file: string,
  format: RegisterFormat | null = formatOf(file),
): AsyncGenerator<RecordAt> {
  const input = () => (file === "-" ? process.stdin : createReadStream(file));
  if (format === "json") {
    yield* jsonRecords(input().setEncoding("utf8"));
    return;
  }
  if (format !== "csv") {
    throw new Error(
      "the register must be a .csv, .json, .jsonl or .ndjson file (or say which with --format)",
    );
  }
  const parser = input().pipe(
    parse({
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }),
  );
  // The line a record ends on: a quoted cell may span lines, and a refusal should point at the row.
  for await (const { record, info } of parser) {
    yield { line: info.lines, record: record as Record<string, unknown> };
  }
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;

function recordOf(text: string, line: number): RecordAt {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" && !Array.isArray(value)
      ? { line, record: value as Record<string, unknown> }
      : { line, invalid: "a record that is not a JSON object" };
  } catch {
    return { line, invalid: "a record that is not valid JSON" };
  }
}

async function* jsonRecords(chunks: AsyncIterable<string>): AsyncGenerator<RecordAt> {
  const iterator = chunks[Symbol.asyncIterator]();
  let first = "";
  // The first character that is not blank says which: "[" an array, anything else JSON Lines.
  while (first.replace(/^[\s\uFEFF]+/, "") === "") {
    const next = await iterator.next();
    if (next.done) return;
    first += next.value;
  }
  async function* rest() {
    yield first;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  if (first.replace(/^[\s\uFEFF]+/, "").startsWith("[")) yield* arrayElements(rest());
  else yield* jsonLines(rest());
}

async function* jsonLines(chunks: AsyncIterable<string>): AsyncGenerator<RecordAt> {
  let pending = "";
  let line = 0;
  const take = (text: string) => {
    line++;
    return text.trim() === "" ? null : recordOf(text, line);
  };
  for await (const chunk of chunks) {
    pending += chunk;
    let start = 0;
    for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n", start)) {
      const record = take(pending.slice(start, end));
      if (record) yield record;
      start = end + 1;
    }
    pending = pending.slice(start);
    if (pending.length > RECORD_MAX_CHARS) throw new Error(`line ${line + 1} is longer than a record can be`);
  }
  const last = take(pending);
  if (last) yield last;
}

/**
 * The elements of a JSON array as they arrive: a scanner that only follows strings and nesting finds
 * where each top-level element ends, and JSON.parse reads that element alone. So a broken element is
 * refused by itself, and the array is never held whole.
 */
async function* arrayElements(chunks: AsyncIterable<string>): AsyncGenerator<RecordAt> {
  let depth = 0; // 0 outside the array, 1 between its elements, more inside one
  let opened = false;
  let closed = false;
  let inString = false;
  let escaped = false;
  let line = 1;
  let parts: string[] = [];
  let size = 0;
  let elementLine = 0; // the line the current element started on; 0 between elements
  for await (const chunk of chunks) {
    const found: RecordAt[] = [];
    let from = elementLine ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (depth === 0) {
        if (isSpace(c)) continue;
        if (c === 91 && !opened) {
          opened = true;
          depth = 1;
          continue;
        }
        throw new Error(
          `line ${line}: ${closed ? "something after the end of the JSON array" : "not a JSON array"}`,
        );
      }
      if (depth === 1 && (c === 44 || c === 93)) {
        if (elementLine) {
          parts.push(chunk.slice(from, i));
          found.push(recordOf(parts.join(""), elementLine));
          parts = [];
          size = 0;
          elementLine = 0;
          from = -1;
        } else if (c === 44) {
          throw new Error(`line ${line}: a comma with no element before it`);
        }
        if (c === 93) {
          depth = 0;
          closed = true;
        }
        continue;
      }
      if (depth === 1 && !elementLine) {
        if (isSpace(c)) continue;
        elementLine = line;
        from = i;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) depth--;
    }
    if (elementLine) {
      parts.push(chunk.slice(from));
      size += chunk.length - from;
      if (size > RECORD_MAX_CHARS)
        throw new Error(`line ${elementLine}: an element longer than a record can be`);
    }
    yield* found;
  }
  if (!opened) throw new Error("not a JSON array");
  if (!closed) throw new Error(`line ${line}: the JSON array is not closed`);
}
