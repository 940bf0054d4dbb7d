import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

// What a viewer may not see, or an address that names nothing (a malformed id), is simply not there.
const ABSENT = new Set(["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"]);

/** A page's procedure call; a refusal renders the not-found page rather than an error. */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && ABSENT.has(error.code)) notFound();
    throw error;
  }
}
