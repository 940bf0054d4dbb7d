import { getReadDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { exportMetricsFile, exportQueryOf } from "@/server/metrics/export-metrics";

export const dynamic = "force-dynamic";

// GET /api/exports/metrics.json?from=YYYY-MM&to=YYYY-MM&by=body|region (docs/metrics.md, "Open data").
export const GET = handleRoute("exports/metrics.json", async (request: Request) => {
  const query = exportQueryOf(request.url, new Date());
  if (!query) return Response.json({ error: "BAD_REQUEST" }, { status: 400 });
  return new Response(await exportMetricsFile(getReadDatabase(), query, "json"), {
    headers: { "content-type": "application/json" },
  });
});
