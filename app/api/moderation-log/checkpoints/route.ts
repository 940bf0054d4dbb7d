import { getDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { refuseParameters } from "@/server/http/no-parameters";
import { checkpointHistory } from "@/server/moderation/checkpoint";

export const dynamic = "force-dynamic";

// Every checkpoint ever signed: whoever saved one can check the log only grew since.
export const GET = handleRoute("moderation-log/checkpoints", async (request: Request) => {
  return refuseParameters(request) ?? Response.json({ checkpoints: await checkpointHistory(getDatabase()) });
});
