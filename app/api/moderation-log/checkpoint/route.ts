import { getDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { refuseParameters } from "@/server/http/no-parameters";
import { signCheckpoint } from "@/server/moderation/checkpoint";
import { loadSigningKey } from "@/server/moderation/log-signing-key";

export const dynamic = "force-dynamic";

// The newest signed checkpoint (signed now if the log has grown) with the public key that verifies it.
export const GET = handleRoute("moderation-log/checkpoint", async (request: Request) => {
  const refused = refuseParameters(request);
  if (refused) return refused;
  const key = loadSigningKey();
  const checkpoint = await signCheckpoint(getDatabase(), key);
  return Response.json({ checkpoint, publicKeyPem: key.publicKeyPem });
});
