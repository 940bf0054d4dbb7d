import { type SQL, sql } from "drizzle-orm";

/**
 * The registration number of the year's `last` appeal, e.g. ЖТ-2026-000123 ("ЖТ": жеке тұлға, an
 * individual), as SQL for the filing statement. A counter row, not a sequence: a rolled-back filing gives
 * its number back, so the register has no gaps. Six digits at least, more past 999 999 (lpad would cut).
 */
/**
 * A serial as a number carries it, from the digits a person typed: "123" and "000123" are 000123, and a
 * year past 999 999 appeals (the country files over four million) has serials of seven digits and more.
 */
export const appealSerial = (digits: string) => digits.replace(/^0+(?=\d)/, "").padStart(6, "0");

export function appealNumberSql(year: number, last: SQL): SQL {
  return sql`'ЖТ-' || ${year}::int || '-' || lpad(${last}::text, greatest(6, length(${last}::text)), '0')`;
}
