import type { Db } from "@/db/client";
import { type ActingOfficial, officialActor } from "./acting-official";
import { lockAppealOfBodyOrThrow } from "./appeal-access";
import { applyAction } from "./lifecycle";

/** Closes an answered appeal; the answer itself stays as it was sent. */
export async function closeAppeal(db: Db, o: { appealId: string; official: ActingOfficial; now?: Date }) {
  return db.transaction(async (tx) => {
    const appeal = await lockAppealOfBodyOrThrow(tx, o.appealId, o.official.bodyId);
    const { appeal: updated } = await applyAction(tx, {
      appeal,
      action: "close",
      actor: officialActor(o.official),
      set: { closedAt: o.now ?? new Date() },
    });
    return updated;
  });
}
