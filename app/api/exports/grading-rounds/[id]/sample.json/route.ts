import { getDatabase } from "@/db/client";
import { roundJson } from "@/server/grading/export-round";
import { publishedRoundOrNull } from "@/server/grading/published-round-export";
import { handleRoute } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

// GET /api/exports/grading-rounds/<id>/sample.json: what re-draws the sample and recomputes the results.
export const GET = handleRoute(
  "exports/grading-rounds/sample.json",
  async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const round = await publishedRoundOrNull(getDatabase(), (await params).id);
    if (!round) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
    return Response.json(roundJson(round), {
      headers: { "content-disposition": `attachment; filename="tyndau-grading-${round.id}.json"` },
    });
  },
);
