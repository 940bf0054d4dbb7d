import { getReadDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { exportAnswers } from "@/server/metrics/export-answer-figures";
import { exportQueryOf } from "@/server/metrics/export-metrics";

export const dynamic = "force-dynamic";

// GET /api/exports/answers.json?from=YYYY-MM&to=YYYY-MM&by=body|region (docs/metrics.md, "Open data").
export const GET = handleRoute("exports/answers.json", async (request: Request) => {
  const query = exportQueryOf(request.url, new Date());
  if (!query) return Response.json({ error: "BAD_REQUEST" }, { status: 400 });
  const rows = await exportAnswers(getReadDatabase(), query);
  return Response.json({ period: query.period, by: query.by, documentation: "docs/metrics.md", rows });
});
