import "server-only";
import { getDatabase } from "@/db/client";
import { getCurrentUser } from "./auth/current-user";
import type { Context } from "./trpc";

export async function createContext(): Promise<Context> {
  return { db: getDatabase(), user: await getCurrentUser() };
}
