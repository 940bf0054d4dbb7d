import { getDatabase } from "@/db/client";
import { currentMigration } from "@/server/health/current-migration";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const migration = await currentMigration(getDatabase());
    return Response.json({ status: "ok", database: "reachable", migration });
  } catch {
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503 });
  }
}
