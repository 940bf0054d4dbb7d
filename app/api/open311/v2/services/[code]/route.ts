import { getDatabase } from "@/db/client";
import { serviceDefinitionMethod } from "@/server/open311/open311-methods";
import { parseResource, unknownResource } from "@/server/open311/open311-response";

export const dynamic = "force-dynamic";

// GET /api/open311/v2/services/{service_code}.(json|xml): the service definition.
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const resource = parseResource((await params).code);
  if (!resource) return unknownResource();
  return serviceDefinitionMethod(getDatabase(), request, resource.format, resource.name);
}
