/**
 * CSV as RFC 4180 writes it: CRLF line ends, a field quoted when it holds a comma, a quote or a line
 * break, quotes doubled. The file starts with a UTF-8 byte order mark, without which Excel reads
 * Kazakh and Russian text as mojibake.
 */
export const CSV_BOM = "\uFEFF";

export type CsvValue = string | number | boolean | null;

// A cell starting with one of these is run as a formula by spreadsheets (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue, o: { text?: boolean } = {}): string {
  if (value === null) return "";
  let s = String(value);
  // Free text written by the public is defused with a leading apostrophe; numbers and dates never are.
  if (o.text && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (fields: readonly string[]) => `${fields.join(",")}\r\n`;
