import { sign } from "node:crypto";
import { asc, desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { logCheckpoints, moderationLog } from "@/db/schema";
import { canonicalize } from "./canonical-json";
import type { SigningKey } from "./log-signing-key";
import { merkleRoot } from "./merkle-tree";

export type Checkpoint = {
  treeSize: number;
  rootHash: string;
  signedAt: string;
  keyId: string;
  signature: string;
};

/** The bytes a checkpoint's signature covers: its other fields as RFC 8785 JSON. */
export const checkpointMessage = (c: Omit<Checkpoint, "signature">) =>
  Buffer.from(
    canonicalize({
      log: "tyndau-moderation-log",
      treeSize: c.treeSize,
      rootHash: c.rootHash,
      signedAt: c.signedAt,
      keyId: c.keyId,
    }),
  );

const toCheckpoint = (row: typeof logCheckpoints.$inferSelect): Checkpoint => ({
  ...row,
  signedAt: row.signedAt.toISOString(),
});

export async function latestCheckpoint(db: Db): Promise<Checkpoint | null> {
  const [row] = await db.select().from(logCheckpoints).orderBy(desc(logCheckpoints.treeSize)).limit(1);
  return row ? toCheckpoint(row) : null;
}

export async function checkpointHistory(db: Db): Promise<Checkpoint[]> {
  return (await db.select().from(logCheckpoints).orderBy(asc(logCheckpoints.treeSize))).map(toCheckpoint);
}

/**
 * Signs the tree as it stands, unless the newest checkpoint already covers it. Checkpoints are kept, so
 * anyone holding an earlier one can check that the log only grew.
 */
export async function signCheckpoint(db: Db, key: SigningKey, now = new Date()): Promise<Checkpoint> {
  const leaves = await db
    .select({ leafHash: moderationLog.leafHash })
    .from(moderationLog)
    .orderBy(asc(moderationLog.seq));
  const latest = await latestCheckpoint(db);
  if (latest && latest.treeSize === leaves.length) return latest;
  const unsigned = {
    treeSize: leaves.length,
    rootHash: merkleRoot(leaves.map((l) => Buffer.from(l.leafHash, "hex"))).toString("hex"),
    signedAt: now.toISOString(),
    keyId: key.keyId,
  };
  const checkpoint = {
    ...unsigned,
    signature: sign(null, checkpointMessage(unsigned), key.privateKey).toString("base64"),
  };
  await db
    .insert(logCheckpoints)
    .values({ ...checkpoint, signedAt: now })
    .onConflictDoNothing();
  return (await latestCheckpoint(db)) ?? checkpoint;
}
