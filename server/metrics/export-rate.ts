/** A share as the exports write it: four decimal places, enough for a rate per ten thousand appeals. */
export const roundRate = (n: number | null) => (n === null ? null : Math.round(n * 10_000) / 10_000);

/** part ÷ whole as an exported share; no share of nothing (null, not 0). */
export const shareOf = (part: number, whole: number) => (whole > 0 ? roundRate(part / whole) : null);
