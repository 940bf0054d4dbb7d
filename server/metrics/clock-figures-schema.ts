import { z } from "zod";
import { CLOCK_COLUMNS, type ClockColumn } from "./clock-figures";

/** What metrics.clock may return: counts, shares with their denominators, days. Strict, like metrics-schema.ts. */
const count = z.number().int();
const Share = z.strictObject({ count, of: count, value: z.number().nullable() });
const Percentiles = z.strictObject({ median: z.number().nullable(), p90: z.number().nullable(), count });

export const ClockFiguresOutput = z.strictObject({
  surveyComparable: z.boolean(),
  figures: z.strictObject({
    counts: z.strictObject(
      Object.fromEntries(CLOCK_COLUMNS.map((c) => [c, count])) as Record<ClockColumn, typeof count>,
    ),
    onTimeOriginal: Share,
    onTimeExtended: Share,
    onTimeCountingForwards: Share,
    forwardsLate: Share,
    forwardsAfterDue: Share,
    forwardsReturned: Share,
    forwardsToAccused: Share,
    stayDays: Percentiles,
    bodyAnswerDays: Percentiles,
    endToEndDays: Percentiles,
    survival: z.strictObject({
      median: z.number().nullable(),
      p90: z.number().nullable(),
      answered: count,
      censored: count,
    }),
    returned: Share,
    toAccused: Share,
    pausedNow: count,
    pausedEver: Share,
    pausedPastDue: Share,
    pausedDays: Percentiles,
    upheld: Share,
    complaintsPending: count,
    heardOfAnswered: Share,
    heardUnknown: count,
    notYetDue: Share,
  }),
});
