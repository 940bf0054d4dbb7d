// `npm run verify-log -- <base-url> [saved-checkpoint.json] [--save file]`: downloads the public moderation
// log and its signed checkpoint, checks the signature, every hash, the chain and the Merkle root, and that the
// log is consistent with a checkpoint saved earlier. Exits non-zero naming the first bad entry.
import { readFileSync, writeFileSync } from "node:fs";
import type { Checkpoint } from "@/server/moderation/checkpoint";
import { type PublishedEntry, verifyLog } from "@/server/moderation/verify-log";

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

async function main() {
  const args = process.argv.slice(2);
  const saveAt = args.indexOf("--save");
  const saveTo = saveAt >= 0 ? args.splice(saveAt, 2)[1] : undefined;
  const [baseUrl, savedFile] = args;
  if (!baseUrl) throw new Error("usage: verify-log <base-url> [saved-checkpoint.json] [--save file]");
  const base = baseUrl.replace(/\/$/, "");

  const { checkpoint, publicKeyPem } = await getJson<{ checkpoint: Checkpoint; publicKeyPem: string }>(
    `${base}/api/moderation-log/checkpoint`,
  );
  const entries: PublishedEntry[] = [];
  for (let after = 0; ; ) {
    const page = await getJson<{ entries: PublishedEntry[]; next: number | null }>(
      `${base}/api/moderation-log?after=${after}&limit=1000`,
    );
    entries.push(...page.entries.map(({ seq, canonical, entryHash }) => ({ seq, canonical, entryHash })));
    if (page.next === null) break;
    after = page.next;
  }
  const saved = savedFile ? (JSON.parse(readFileSync(savedFile, "utf8")) as Checkpoint) : null;
  const verdict = verifyLog({ entries, checkpoint, publicKeyPem, saved });
  if (!verdict.ok) {
    console.error(`FAIL: ${verdict.seq === null ? "log" : `entry #${verdict.seq}`}: ${verdict.problem}`);
    process.exit(1);
  }
  if (saveTo) writeFileSync(saveTo, JSON.stringify(checkpoint, null, 2));
  console.log(
    `OK: ${verdict.treeSize} entries, root ${checkpoint.rootHash} signed ${checkpoint.signedAt} by key ${checkpoint.keyId}` +
      (saved ? `; consistent with the saved checkpoint of ${saved.treeSize} entries` : ""),
  );
}

main().catch((error) => {
  console.error(`FAIL: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
