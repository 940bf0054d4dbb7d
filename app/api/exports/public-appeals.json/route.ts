import { getReadDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { exportPublicAppeals } from "@/server/open-data/export-public-appeals";
import { exportFiltersOf, exportResponse } from "@/server/open-data/stream-export";

export const dynamic = "force-dynamic";

// GET /api/exports/public-appeals.json: the public appeals as open data (docs/open-data.md).
export const GET = handleRoute("exports/public-appeals.json", async (request: Request) => {
  const parsed = exportFiltersOf(request.url);
  if ("error" in parsed) return parsed.error;
  return exportResponse("json", exportPublicAppeals(getReadDatabase(), { filters: parsed.filters }));
});
