import { getReadDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { answerExportColumns, exportAnswers } from "@/server/metrics/export-answer-figures";
import { exportQueryOf, toCsv } from "@/server/metrics/export-metrics";

export const dynamic = "force-dynamic";

// GET /api/exports/answers.csv?from=YYYY-MM&to=YYYY-MM&by=body|region (docs/metrics.md, "Open data").
export const GET = handleRoute("exports/answers.csv", async (request: Request) => {
  const query = exportQueryOf(request.url, new Date());
  if (!query) return Response.json({ error: "BAD_REQUEST" }, { status: 400 });
  const rows = await exportAnswers(getReadDatabase(), query);
  return new Response(toCsv(rows, answerExportColumns(query.by)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="tyndau-answers-${query.by}-${query.period.from}-${query.period.to}.csv"`,
    },
  });
});
