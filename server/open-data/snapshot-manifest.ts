import { createHash, createPublicKey, verify } from "node:crypto";
import { canonicalize, type Json } from "../moderation/canonical-json";

/** Names the format, so that a verifier knows what it is reading and a later format can differ. */
export const SNAPSHOT_FORMAT = "tyndau-open-data-snapshot/1";
export const MANIFEST_PATH = "manifest.json";

export type ManifestFile = { path: string; media_type: string; bytes: number; sha256: string };

/** What the signature covers: the day, when it was taken, by which key, and every file's size and hash. */
export type SnapshotManifest = {
  format: typeof SNAPSHOT_FORMAT;
  date: string;
  created_at: string;
  key_id: string;
  files: ManifestFile[];
};

/** manifest.json as served: the manifest, its Ed25519 signature (base64) and the key's public half. */
export type SignedManifest = { manifest: SnapshotManifest; signature: string; public_key_pem: string };

/** The bytes the signature covers: the manifest as RFC 8785 JSON, which any implementation reproduces. */
export const manifestMessage = (m: SnapshotManifest) => Buffer.from(canonicalize(m as unknown as Json));

export const sha256Hex = (content: Uint8Array) => createHash("sha256").update(content).digest("hex");

/** The key id as log-signing-key.ts derives it: the first 16 hex digits of the SHA-256 of the SPKI key. */
export const keyIdOf = (publicKeyPem: string) =>
  sha256Hex(createPublicKey(publicKeyPem).export({ type: "spki", format: "der" })).slice(0, 16);

export type SnapshotVerdict =
  | { ok: true; files: number }
  | { ok: false; file: string | null; problem: string };

/**
 * Checks a snapshot as downloaded: the manifest's signature by the key, the key it names, the day asked
 * for, and every file listed, byte for byte against its size and SHA-256. The first failure names its
 * file (null when the manifest itself is at fault). `trustedKeyPem`, when given, is the key the verifier
 * already trusts (the moderation log's, from /api/moderation-log/checkpoint): the manifest must be signed
 * by it, not merely by the key it carries.
 */
export function verifySnapshot(o: {
  signed: SignedManifest;
  date: string;
  files: ReadonlyMap<string, Uint8Array>;
  trustedKeyPem?: string | null;
}): SnapshotVerdict {
  const { manifest, signature, public_key_pem: pem } = o.signed;
  const bad = (problem: string, file: string | null = null): SnapshotVerdict => ({
    ok: false,
    file,
    problem,
  });
  if (manifest?.format !== SNAPSHOT_FORMAT) return bad(`unknown format ${String(manifest?.format)}`);
  let keyId: string;
  try {
    keyId = keyIdOf(pem);
  } catch {
    return bad("the public key is not a key");
  }
  if (keyId !== manifest.key_id) return bad(`signed by key ${keyId}, the manifest names ${manifest.key_id}`);
  if (o.trustedKeyPem && keyIdOf(o.trustedKeyPem) !== keyId) {
    return bad(`signed by key ${keyId}, not by the moderation log's key ${keyIdOf(o.trustedKeyPem)}`);
  }
  let valid = false;
  try {
    valid = verify(null, manifestMessage(manifest), createPublicKey(pem), Buffer.from(signature, "base64"));
  } catch {
    valid = false;
  }
  if (!valid) return bad("the signature does not match the manifest");
  if (manifest.date !== o.date) return bad(`the manifest is of ${manifest.date}, not ${o.date}`);
  for (const f of manifest.files) {
    const content = o.files.get(f.path);
    if (!content) return bad("missing", f.path);
    if (content.byteLength !== f.bytes)
      return bad(`${content.byteLength} bytes, the manifest says ${f.bytes}`, f.path);
    const hash = sha256Hex(content);
    if (hash !== f.sha256) return bad(`SHA-256 ${hash}, the manifest says ${f.sha256}`, f.path);
  }
  return { ok: true, files: manifest.files.length };
}
