import { getReadDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { serviceDefinitionMethod } from "@/server/open311/open311-methods";
import { parseResource, unknownResource } from "@/server/open311/open311-response";

export const dynamic = "force-dynamic";

// GET /api/open311/v2/services/{service_code}.(json|xml): the service definition.
export const GET = handleRoute(
  "open311/services/{code}",
  async (request: Request, { params }: { params: Promise<{ code: string }> }) => {
    const resource = parseResource((await params).code);
    if (!resource) return unknownResource();
    return serviceDefinitionMethod(getReadDatabase(), request, resource.format, resource.name);
  },
);
