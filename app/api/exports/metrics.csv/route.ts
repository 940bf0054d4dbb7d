import { getReadDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { exportMetricsFile, exportQueryOf } from "@/server/metrics/export-metrics";

export const dynamic = "force-dynamic";

// GET /api/exports/metrics.csv?from=YYYY-MM&to=YYYY-MM&by=body|region (docs/metrics.md, "Open data").
export const GET = handleRoute("exports/metrics.csv", async (request: Request) => {
  const query = exportQueryOf(request.url, new Date());
  if (!query) return Response.json({ error: "BAD_REQUEST" }, { status: 400 });
  // With a byte-order mark, which makes spreadsheets read the Kazakh and Russian names as UTF-8.
  return new Response(await exportMetricsFile(getReadDatabase(), query, "csv"), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="tyndau-metrics-${query.by}-${query.period.from}-${query.period.to}.csv"`,
    },
  });
});
