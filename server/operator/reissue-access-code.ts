import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals } from "@/db/schema";
import { hashAccessCode, newAccessCode } from "../appeals/access-code";
import { getReadableAppealOrThrow } from "../appeals/appeal-access";
import { lockAppealOrThrow, recordEvent } from "../appeals/lifecycle";
import type { SessionUser } from "../auth/sessions";
import { DomainError } from "../errors";

/**
 * Prints a new access code for a citizen who lost theirs (or fears someone saw it). Only its hash is
 * stored, replacing the old one, so the old code stops opening the appeal at once; the history records
 * that a code was reissued and by whom, never the code. Only the operator who filed the appeal may.
 */
export async function reissueAccessCode(db: Db, o: { operator: SessionUser; appealId: string }) {
  return db.transaction(async (tx) => {
    const readable = await getReadableAppealOrThrow(tx, o.appealId, o.operator);
    if (readable.channel !== "assisted") throw new DomainError("NOT_FOUND");
    const appeal = await lockAppealOrThrow(tx, readable.id);
    const accessCode = newAccessCode();
    await tx
      .update(appeals)
      .set({ accessCodeHash: hashAccessCode(accessCode) })
      .where(eq(appeals.id, appeal.id));
    await recordEvent(tx, {
      appealId: appeal.id,
      type: "access_code_reissued",
      actor: { id: o.operator.id, role: o.operator.role, bodyId: o.operator.bodyId },
      bodyId: appeal.bodyId,
    });
    return { id: appeal.id, accessCode };
  });
}
