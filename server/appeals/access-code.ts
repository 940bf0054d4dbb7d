import { createHash, randomInt } from "node:crypto";

// No 0/O, 1/I/L: the code is read off a printed receipt and typed on a phone.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A 10-character code (about 50 bits) printed on an assisted filing's receipt. */
export function newAccessCode(): string {
  return Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

export const normalizeAccessCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, "");

export const hashAccessCode = (code: string) =>
  createHash("sha256")
    .update(`tyndau-access:${normalizeAccessCode(code)}`)
    .digest("hex");
