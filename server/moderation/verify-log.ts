import { createHash, createPublicKey, verify } from "node:crypto";
import { GENESIS_HASH } from "./append-log-entry";
import { canonicalize, type Json } from "./canonical-json";
import { type Checkpoint, checkpointMessage } from "./checkpoint";
import { leafHash, merkleRoot } from "./merkle-tree";

export type PublishedEntry = { seq: number; canonical: string; entryHash: string };
export type Verdict = { ok: true; treeSize: number } | { ok: false; seq: number | null; problem: string };

const sha256hex = (s: string) => createHash("sha256").update(s).digest("hex");

function checkSignature(c: Checkpoint, publicKeyPem: string): boolean {
  try {
    return verify(
      null,
      checkpointMessage(c),
      createPublicKey(publicKeyPem),
      Buffer.from(c.signature, "base64"),
    );
  } catch {
    return false;
  }
}

/**
 * Everything a member of the public can check with the log, the checkpoint and the public key alone:
 * numbering without gaps, each entry's hash and its link to the previous one, the signed root, and,
 * given a checkpoint saved earlier, that the log only grew since. Names the first entry that fails.
 */
export function verifyLog(o: {
  entries: readonly PublishedEntry[];
  checkpoint: Checkpoint;
  publicKeyPem: string;
  saved?: Checkpoint | null;
}): Verdict {
  if (!checkSignature(o.checkpoint, o.publicKeyPem))
    return { ok: false, seq: null, problem: "checkpoint signature invalid" };
  let prev = GENESIS_HASH;
  const leaves: Buffer[] = [];
  for (const [i, entry] of o.entries.entries()) {
    const expected = i + 1;
    const fail = (problem: string): Verdict => ({ ok: false, seq: expected, problem });
    if (entry.seq !== expected)
      return fail(
        entry.seq > expected ? `entry ${expected} is missing` : `entry ${entry.seq} is out of order`,
      );
    let content: { seq?: unknown; prev?: unknown };
    try {
      content = JSON.parse(entry.canonical);
    } catch {
      return fail("content is not JSON");
    }
    if (canonicalize(content as Json) !== entry.canonical) return fail("content is not in canonical form");
    if (content.seq !== expected) return fail(`content is numbered ${String(content.seq)}`);
    if (content.prev !== prev) return fail("does not chain to the previous entry");
    if (sha256hex(entry.canonical) !== entry.entryHash) return fail("hash does not match its content");
    prev = entry.entryHash;
    leaves.push(leafHash(Buffer.from(entry.canonical)));
  }
  if (o.checkpoint.treeSize > leaves.length) {
    return {
      ok: false,
      seq: leaves.length + 1,
      problem: `entry ${leaves.length + 1} is missing (checkpoint covers ${o.checkpoint.treeSize})`,
    };
  }
  if (merkleRoot(leaves.slice(0, o.checkpoint.treeSize)).toString("hex") !== o.checkpoint.rootHash) {
    return { ok: false, seq: null, problem: "root hash does not match the signed checkpoint" };
  }
  if (o.saved) {
    if (!checkSignature(o.saved, o.publicKeyPem))
      return { ok: false, seq: null, problem: "saved checkpoint signature invalid" };
    if (o.saved.treeSize > leaves.length)
      return { ok: false, seq: leaves.length + 1, problem: "the log shrank since the saved checkpoint" };
    if (merkleRoot(leaves.slice(0, o.saved.treeSize)).toString("hex") !== o.saved.rootHash) {
      return {
        ok: false,
        seq: null,
        problem: `the first ${o.saved.treeSize} entries changed since the saved checkpoint`,
      };
    }
  }
  return { ok: true, treeSize: leaves.length };
}
