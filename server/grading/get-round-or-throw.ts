import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { gradingRounds } from "@/db/schema";
import { DomainError } from "../errors";

/** The round, locked for the caller's transaction when asked, so two closings or draws cannot interleave. */
export async function getRoundOrThrow(db: Db, roundId: string, o: { lock?: boolean } = {}) {
  const query = db.select().from(gradingRounds).where(eq(gradingRounds.id, roundId));
  const [round] = o.lock ? await query.for("update") : await query;
  if (!round) throw new DomainError("NOT_FOUND");
  return round;
}

export type GradingRound = Awaited<ReturnType<typeof getRoundOrThrow>>;
