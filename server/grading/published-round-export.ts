import type { Db } from "@/db/client";
import { DomainError } from "../errors";
import { getPublishedRound, type PublishedRound } from "./get-published-round";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A closed round for an export route; null for a malformed id or a round that is not public (404). */
export async function publishedRoundOrNull(db: Db, id: string): Promise<PublishedRound | null> {
  if (!UUID.test(id)) return null;
  try {
    return await getPublishedRound(db, id);
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
