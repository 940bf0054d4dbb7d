import { z } from "zod";

/** What the list of snapshots returns, field by field: hashes and sizes, never a file's content. */
export const SnapshotListOutput = z.array(
  z.strictObject({
    date: z.string(),
    createdAt: z.date(),
    keyId: z.string(),
    files: z.array(
      z.strictObject({ date: z.string(), path: z.string(), size: z.number(), sha256: z.string() }),
    ),
  }),
);
