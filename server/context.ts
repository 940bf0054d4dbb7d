import "server-only";
import { headers } from "next/headers";
import { getDatabase } from "@/db/client";
import { getCurrentUser } from "./auth/current-user";
import { currentRequestId } from "./observability/logger";
import { requestIdFrom } from "./observability/request-id";
import type { Context } from "./trpc";

// Behind a reverse proxy the first forwarded address is the client's; directly, there is none to trust.
function clientIp(h: Pick<Headers, "get">): string {
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "direct";
}

/**
 * API routes run inside their request id (server/http/handle-route.ts); a page gets its id from proxy.ts,
 * which passes it in the request's headers.
 */
export async function createContext(): Promise<Context> {
  const h = await headers();
  return {
    db: getDatabase(),
    user: await getCurrentUser(),
    clientIp: clientIp(h),
    requestId: currentRequestId() ?? requestIdFrom(h),
  };
}
