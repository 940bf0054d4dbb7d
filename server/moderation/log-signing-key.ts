import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { readFileSync } from "node:fs";

export type SigningKey = { privateKey: KeyObject; publicKeyPem: string; keyId: string };

export function signingKeyFromPem(privatePem: string): SigningKey {
  const privateKey = createPrivateKey(privatePem);
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: "spki", format: "der" });
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    keyId: createHash("sha256").update(der).digest("hex").slice(0, 16),
  };
}

export function newSigningKeyPem(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

let loaded: SigningKey | undefined;

/**
 * The Ed25519 key that signs the log's checkpoints. It lives outside the database, in the file named by
 * LOG_SIGNING_KEY_FILE, so whoever can rewrite the database still cannot sign a rewritten log.
 * `npm start` generates one into the git-ignored .data folder outside production.
 */
export function loadSigningKey(): SigningKey {
  if (loaded) return loaded;
  const file = process.env.LOG_SIGNING_KEY_FILE;
  if (!file) throw new Error("LOG_SIGNING_KEY_FILE is not set: the moderation log cannot be signed.");
  loaded = signingKeyFromPem(readFileSync(file, "utf8"));
  return loaded;
}
