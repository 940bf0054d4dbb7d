import { getDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { registerFigures } from "@/server/open-data/import/register-figures";
import { RegisterExportQuery } from "@/server/open-data/import/register-figures-export";

export const dynamic = "force-dynamic";

// GET /api/exports/register-figures.json?source=<register>: an imported register's figures (docs/open-data.md).
export const GET = handleRoute("exports/register-figures.json", async (request: Request) => {
  const query = RegisterExportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: "BAD_REQUEST" }, { status: 400 });
  const figures = await registerFigures(getDatabase(), query.data);
  if (!figures) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
  return Response.json({ documentation: "docs/open-data.md", ...figures });
});
