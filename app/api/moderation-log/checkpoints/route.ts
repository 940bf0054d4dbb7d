import { getDatabase } from "@/db/client";
import { checkpointHistory } from "@/server/moderation/checkpoint";

export const dynamic = "force-dynamic";

// Every checkpoint ever signed: whoever saved one can check the log only grew since.
export async function GET() {
  return Response.json({ checkpoints: await checkpointHistory(getDatabase()) });
}
