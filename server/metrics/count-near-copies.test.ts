import { describe, expect, it } from "vitest";
import { SIGNATURE_SIZE, WINDOW_DAYS } from "./answer-signature";
import { countNearCopies, type SignedAnswer } from "./count-near-copies";

const DAY = 86_400 * 1_000_000;
const template = Array.from({ length: SIGNATURE_SIZE }, (_, i) => i);
/** A signature equal to the template in `same` positions, its bands taken from those positions. */
const variant = (same: number, salt: number) => template.map((x, i) => (i < same ? x : 1000 * salt + i));
/** One value per band of four positions: equal bands, equal values (the real bands are hashes of them). */
const bandsOf = (m: number[]) =>
  Array.from({ length: SIGNATURE_SIZE / 4 }, (_, b) =>
    m.slice(b * 4, b * 4 + 4).reduce((h, x) => (h * 31 + x) | 0, b),
  );
const answer = (appealId: string, day: number, minhash: number[]): SignedAnswer => ({
  appealId,
  at: day * DAY,
  minhash,
  bands: bandsOf(minhash),
});

describe("counting near-copies in bulk", () => {
  it("counts earlier near-copies inside the window, breaking ties by appeal id, up to the formal minimum", () => {
    const counts = countNearCopies(
      [
        answer("00000000-0000-0000-0000-000000000003", 100, template),
        answer("00000000-0000-0000-0000-000000000002", 100, variant(40, 1)),
        answer("00000000-0000-0000-0000-000000000004", 100 + WINDOW_DAYS, variant(40, 2)),
        answer("00000000-0000-0000-0000-000000000005", 101 + WINDOW_DAYS, template),
        answer("00000000-0000-0000-0000-000000000006", 102, variant(20, 3)),
      ],
      [answer("00000000-0000-0000-0000-000000000001", 99, template)],
    );
    // …02 comes before …03 at the same moment: it sees only …01; …03 sees both and stops at two.
    expect(counts.get("00000000-0000-0000-0000-000000000002")).toBe(1);
    expect(counts.get("00000000-0000-0000-0000-000000000003")).toBe(2);
    // Exactly WINDOW_DAYS later the answers of day 100 are still inside; a day on, only …04 is.
    expect(counts.get("00000000-0000-0000-0000-000000000004")).toBe(2);
    expect(counts.get("00000000-0000-0000-0000-000000000005")).toBe(1);
    // Too few equal positions: no near-copy, though it shares bands with the template.
    expect(counts.get("00000000-0000-0000-0000-000000000006")).toBe(0);
    // Answers already signed are read, not counted again.
    expect(counts.has("00000000-0000-0000-0000-000000000001")).toBe(false);
  });
});
