import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { DomainError } from "../errors";
import { type ActingOfficial, officialActor } from "./acting-official";
import { lockAppealOfBodyOrThrow } from "./appeal-access";
import { applyAction } from "./lifecycle";

/** The officials of a body who may be made executors of its appeals. */
export async function listExecutors(db: Db, o: { bodyId: string }) {
  return db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.bodyId, o.bodyId), eq(users.role, "official"), isNull(users.disabledAt)))
    .orderBy(users.fullName);
}

/** Puts an appeal in the hands of one official of the body holding it; re-assigning is allowed. */
export async function assignAppeal(
  db: Db,
  o: { appealId: string; executorId: string; official: ActingOfficial },
) {
  return db.transaction(async (tx) => {
    const appeal = await lockAppealOfBodyOrThrow(tx, o.appealId, o.official.bodyId);
    const executor = (await listExecutors(tx, { bodyId: appeal.bodyId })).find((e) => e.id === o.executorId);
    if (!executor) throw new DomainError("NOT_FOUND");
    const { appeal: updated } = await applyAction(tx, {
      appeal,
      action: "assign",
      actor: officialActor(o.official),
      set: { executorId: executor.id },
      data: { executorId: executor.id, executorName: executor.fullName },
    });
    return updated;
  });
}
