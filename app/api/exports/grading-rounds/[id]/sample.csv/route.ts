import { getDatabase } from "@/db/client";
import { roundCsv } from "@/server/grading/export-round";
import { publishedRoundOrNull } from "@/server/grading/published-round-export";
import { handleRoute } from "@/server/http/handle-route";
import { CSV_BOM } from "@/server/open-data/csv";

export const dynamic = "force-dynamic";

// GET /api/exports/grading-rounds/<id>/sample.csv: a closed round's sample and grades (docs/grading.md).
export const GET = handleRoute(
  "exports/grading-rounds/sample.csv",
  async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const round = await publishedRoundOrNull(getDatabase(), (await params).id);
    if (!round) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
    // The byte-order mark makes spreadsheets read the file as UTF-8.
    return new Response(CSV_BOM + roundCsv(round), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="tyndau-grading-${round.id}.csv"`,
      },
    });
  },
);
