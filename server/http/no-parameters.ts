/**
 * For an address that takes no parameters: any given is answered with 400 naming it, never silently
 * ignored, so that no reader takes the whole answer for a filtered one.
 */
export function refuseParameters(request: Request): Response | null {
  const names = [...new Set(new URL(request.url).searchParams.keys())];
  if (names.length === 0) return null;
  return Response.json({ error: `This address takes no parameters: ${names.join(", ")}` }, { status: 400 });
}
