import { share } from "./metric-set";

/** A share as the exports write it: four decimal places, enough for a rate per ten thousand appeals. */
export const roundRate = (n: number | null) => (n === null ? null : Math.round(n * 10_000) / 10_000);

/** part ÷ whole as the metric set computes it, rounded as the exports write it. */
export const shareOf = (part: number, whole: number) => roundRate(share(part, whole));
