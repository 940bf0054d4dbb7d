// RFC 9116: where to report a vulnerability. The expiry is a year ahead, so the file never goes stale.
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const origin = new URL(request.url).origin;
  const expires = new Date(Date.now() + 365 * 86_400_000).toISOString();
  const body = [
    "Contact: mailto:security@tyndau.kz",
    `Expires: ${expires}`,
    "Preferred-Languages: kk, ru, en",
    `Canonical: ${origin}/.well-known/security.txt`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
