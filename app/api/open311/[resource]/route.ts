import { handleRoute } from "@/server/http/handle-route";
import { discoveryMethod } from "@/server/open311/open311-methods";
import { parseResource, unknownResource } from "@/server/open311/open311-response";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ resource: string }> };

// GET /api/open311/discovery.(json|xml): Open311 service discovery.
export const GET = handleRoute("open311/discovery", async (request: Request, { params }: Params) => {
  const resource = parseResource((await params).resource);
  if (resource?.name !== "discovery") return unknownResource(resource?.format);
  return discoveryMethod(request, resource.format);
});
