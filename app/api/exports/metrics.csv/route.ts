import { getReadDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { exportColumns, exportMetrics, exportQueryOf, toCsv } from "@/server/metrics/export-metrics";
import { CSV_BOM } from "@/server/open-data/csv";

export const dynamic = "force-dynamic";

// GET /api/exports/metrics.csv?from=YYYY-MM&to=YYYY-MM&by=body|region (docs/metrics.md, "Open data").
export const GET = handleRoute("exports/metrics.csv", async (request: Request) => {
  const query = exportQueryOf(request.url, new Date());
  if (!query) return Response.json({ error: "BAD_REQUEST" }, { status: 400 });
  const rows = await exportMetrics(getReadDatabase(), query);
  // The byte-order mark makes spreadsheets read the Kazakh and Russian names as UTF-8.
  return new Response(CSV_BOM + toCsv(rows, exportColumns(query.by)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="tyndau-metrics-${query.by}-${query.period.from}-${query.period.to}.csv"`,
    },
  });
});
