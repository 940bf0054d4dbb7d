import { getDatabase, getReadDatabase } from "@/db/client";
import { BODY_LIMITS } from "@/server/http/body-limit";
import { handleRoute } from "@/server/http/handle-route";
import { postRequestMethod, requestsMethod, servicesMethod } from "@/server/open311/open311-methods";
import { parseResource, unknownResource } from "@/server/open311/open311-response";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ resource: string }> };

// GET /api/open311/v2/services.(json|xml) and requests.(json|xml): GeoReport v2.
export const GET = handleRoute("open311/{resource}", async (request: Request, { params }: Params) => {
  const resource = parseResource((await params).resource);
  if (resource?.name === "services") return servicesMethod(request, resource.format);
  if (resource?.name === "requests") return requestsMethod(getReadDatabase(), request, resource.format);
  return unknownResource(resource?.format);
});

// POST /api/open311/v2/requests.(json|xml): files an appeal with an API key. A GeoReport form is a few
// short fields: 64 KB is far more than any, and the body is read within it (server/http/body-limit.ts).
export const POST = handleRoute(
  "open311/{resource}",
  async (request: Request, { params }: Params) => {
    const resource = parseResource((await params).resource);
    if (resource?.name === "requests") return postRequestMethod(getDatabase(), request, resource.format);
    return unknownResource(resource?.format);
  },
  BODY_LIMITS.form,
);
