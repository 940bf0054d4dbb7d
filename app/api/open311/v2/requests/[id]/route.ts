import { getReadDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { requestMethod } from "@/server/open311/open311-methods";
import { parseResource, unknownResource } from "@/server/open311/open311-response";

export const dynamic = "force-dynamic";

// GET /api/open311/v2/requests/{service_request_id}.(json|xml): one appeal, by its registration number.
export const GET = handleRoute(
  "open311/requests/{id}",
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const resource = parseResource((await params).id);
    if (!resource) return unknownResource();
    return requestMethod(getReadDatabase(), request, resource.format, resource.name);
  },
);
