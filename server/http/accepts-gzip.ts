/**
 * Whether an Accept-Encoding header (RFC 9110, 12.5.3) takes gzip: named or by "*", with a weight above
 * zero. "gzip;q=0" refuses it.
 */
export function acceptsGzip(header: string | null | undefined): boolean {
  let star = false;
  for (const item of (header ?? "").split(",")) {
    const [coding = "", ...params] = item.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weighted = q === undefined || Number(q.slice(2)) > 0;
    if (coding.trim() === "gzip" || coding.trim() === "x-gzip") return weighted;
    if (coding.trim() === "*") star = weighted;
  }
  return star;
}
