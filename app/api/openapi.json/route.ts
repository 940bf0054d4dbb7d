import openapi from "@/docs/openapi.json";

// GET /api/openapi.json: the OpenAPI 3.1 description of the public API, written by hand in docs/openapi.json.
export function GET() {
  return Response.json(openapi, { headers: { "Cache-Control": "public, max-age=3600" } });
}
