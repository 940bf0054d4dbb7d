import { getDatabase } from "@/db/client";
import { signCheckpoint } from "@/server/moderation/checkpoint";
import { loadSigningKey } from "@/server/moderation/log-signing-key";

export const dynamic = "force-dynamic";

// The newest signed checkpoint (signed now if the log has grown) with the public key that verifies it.
export async function GET() {
  const key = loadSigningKey();
  const checkpoint = await signCheckpoint(getDatabase(), key);
  return Response.json({ checkpoint, publicKeyPem: key.publicKeyPem });
}
