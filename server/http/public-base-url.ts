/**
 * The service's public address, printed on receipts and written in notices: PUBLIC_BASE_URL, else the
 * auth URL the server runs under. A citizen types it from paper, so it must be the address the public
 * reaches, never a loopback one; scripts/start.ts refuses to start a production server without one.
 */
export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env.PUBLIC_BASE_URL || env.NEXTAUTH_URL || "http://localhost:3000";
  return raw.replace(/\/+$/, "");
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0"]);

/** Why a public base URL cannot be printed for the public, or null when it can. */
export function publicBaseUrlProblem(url: string | undefined): "missing" | "invalid" | "loopback" | null {
  if (!url) return "missing";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "invalid";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "invalid";
  const host = parsed.hostname.toLowerCase();
  if (LOOPBACK.has(host) || host.endsWith(".localhost") || host.startsWith("127.")) return "loopback";
  return null;
}
