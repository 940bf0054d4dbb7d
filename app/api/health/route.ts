import { getDatabase } from "@/db/client";
import { currentMigration } from "@/server/health/current-migration";
import { handleRoute } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

export const GET = handleRoute("health", async (_request: Request) => {
  try {
    const migration = await currentMigration(getDatabase());
    return Response.json({ status: "ok", database: "reachable", migration });
  } catch {
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503 });
  }
});
