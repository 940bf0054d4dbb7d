import { normalizeAppealNumber } from "./track-appeal";

/**
 * The registration number's letters in Latin, as /track already reads them (JT-2026-000314). Only the
 * letters a number's prefix holds are listed: a letter missing here fails loudly instead of leaking
 * Cyrillic into a URL.
 */
const LATIN: Readonly<Record<string, string>> = { Ж: "J", Т: "T" };

/**
 * The appeal's id for machines, e.g. JT-2026-000314 for ЖТ-2026-000314: ASCII, so that a client that puts
 * it in a URL without percent-encoding it (as the `open311` npm client does) still sends a valid request.
 * Derived from the number, not stored: the number is unique and the mapping is one-to-one (the prefix is
 * always ЖТ, appeal-number.ts), so the id is unique and never changes. People keep seeing the number.
 */
export function openIdOf(number: string): string {
  const id = [...number].map((c) => LATIN[c] ?? c).join("");
  if (!/^[A-Za-z0-9-]+$/.test(id)) throw new Error(`appeal number ${number} has no ASCII id`);
  return id;
}

/**
 * The registration number an id or a number names: the id (JT-2026-000314), the number as printed
 * (ЖТ-2026-000314) and the ways people type it (normalizeAppealNumber) all lead to the same appeal.
 * Null if it names no appeal number at all.
 */
export function appealNumberOf(idOrNumber: string): string | null {
  return normalizeAppealNumber(idOrNumber);
}
