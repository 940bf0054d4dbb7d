// `npm run verify-snapshot -- <base-url> <date>`: downloads a day's open-data snapshot (/open-data/<date>/…)
// and checks its signed manifest and every file it lists against their sizes and SHA-256 hashes. The
// manifest must be signed by the moderation log's key, as /api/moderation-log/checkpoint publishes it.
// Exits 0 when all is well, 1 naming the first file that differs, 2 when the snapshot cannot be read.
import { type SignedManifest, verifySnapshot } from "@/server/open-data/snapshot-manifest";

async function download(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response;
}

/** The log's key, if the service has signed a checkpoint yet; otherwise the manifest's own key is checked. */
async function trustedKey(base: string): Promise<string | null> {
  const response = await fetch(`${base}/api/moderation-log/checkpoint`);
  if (!response.ok) return null;
  const body = (await response.json()) as { publicKeyPem?: string };
  return body.publicKeyPem ?? null;
}

async function main() {
  const [baseUrl, date] = process.argv.slice(2);
  if (!baseUrl || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new Error("usage: verify-snapshot <base-url> <YYYY-MM-DD>");
  }
  const base = baseUrl.replace(/\/$/, "");
  const signed = (await (await download(`${base}/open-data/${date}/manifest.json`)).json()) as SignedManifest;
  const files = new Map<string, Uint8Array>();
  for (const f of signed.manifest?.files ?? []) {
    const response = await fetch(`${base}/open-data/${date}/${encodeURIComponent(f.path)}`);
    // A file that cannot be downloaded is reported as missing, by name, like one that differs.
    if (response.ok) files.set(f.path, new Uint8Array(await response.arrayBuffer()));
  }
  const trusted = await trustedKey(base);
  const verdict = verifySnapshot({ signed, date, files, trustedKeyPem: trusted });
  if (!verdict.ok) {
    console.error(`FAIL: ${verdict.file ?? "manifest.json"}: ${verdict.problem}`);
    process.exit(1);
  }
  console.log(
    `OK: snapshot ${date}, ${verdict.files} files match the manifest signed by key ${signed.manifest.key_id}` +
      (trusted
        ? " (the moderation log's key)"
        : " (no log checkpoint yet: checked against the manifest's own key)"),
  );
}

main().catch((error) => {
  console.error(`FAIL: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
