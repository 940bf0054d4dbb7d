import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDatabase } from "@/db/client";
import { authOptions } from "./options";
import { loadSessionUser, type SessionUser } from "./sessions";

/** The signed-in user of this request, or null; read once per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const sid = (session as { sid?: unknown } | null)?.sid;
  return typeof sid === "string" ? loadSessionUser(getDatabase(), sid) : null;
});
