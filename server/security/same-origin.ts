/**
 * A state-changing request whose Origin (or, failing that, Referer) names another site. Browsers send
 * Origin on every cross-site POST; a request with neither header does not come from a browser page.
 */
export function isCrossOriginWrite(req: Request): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  const source = req.headers.get("origin") ?? req.headers.get("referer");
  if (!source) return false;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(source).host !== host;
  } catch {
    return true;
  }
}
