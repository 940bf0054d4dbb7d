import "server-only";
import { headers } from "next/headers";
import { getDatabase, getReadDatabase } from "@/db/client";
import { getCurrentUser } from "./auth/current-user";
import { clientAddressOf } from "./http/client-address";
import { currentRequestId } from "./observability/logger";
import { requestIdFrom } from "./observability/request-id";
import type { Context } from "./trpc";

/**
 * API routes run inside their request id (server/http/handle-route.ts); a page gets its id from proxy.ts,
 * which passes it in the request's headers.
 */
export async function createContext(): Promise<Context> {
  const h = await headers();
  return {
    db: getDatabase(),
    readDb: getReadDatabase(),
    user: await getCurrentUser(),
    // Stamped by scripts/serve.ts from the socket (and trusted proxies only): never the client's own say.
    clientIp: clientAddressOf(h),
    requestId: currentRequestId() ?? requestIdFrom(h),
  };
}
