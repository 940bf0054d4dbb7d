import { createHash } from "node:crypto";

/**
 * Merkle Tree Hash of RFC 6962 §2.1, as Certificate Transparency logs compute it: leaves and inner nodes
 * are hashed with different prefixes (0x00, 0x01) so a leaf can never pass for a node.
 */
const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
};

export const leafHash = (leaf: Uint8Array): Buffer => sha256(Buffer.from([0]), leaf);
const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer => sha256(Buffer.from([1]), left, right);

/** The root over the given leaf hashes (already hashed with leafHash). */
export function merkleRoot(leafHashes: readonly Uint8Array[]): Buffer {
  if (leafHashes.length === 0) return sha256();
  if (leafHashes.length === 1) return Buffer.from(leafHashes[0] as Uint8Array);
  // Split at the largest power of two smaller than n (RFC 6962: k < n <= 2k).
  let k = 1;
  while (k * 2 < leafHashes.length) k *= 2;
  return nodeHash(merkleRoot(leafHashes.slice(0, k)), merkleRoot(leafHashes.slice(k)));
}
