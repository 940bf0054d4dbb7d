import "server-only";
import { headers } from "next/headers";
import { getDatabase } from "@/db/client";
import { getCurrentUser } from "./auth/current-user";
import type { Context } from "./trpc";

// Behind a reverse proxy the first forwarded address is the client's; directly, there is none to trust.
async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "direct";
}

export async function createContext(): Promise<Context> {
  return { db: getDatabase(), user: await getCurrentUser(), clientIp: await clientIp() };
}
