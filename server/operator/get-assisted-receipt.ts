import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stateBodies } from "@/db/schema";
import { getReadableAppealOrThrow } from "../appeals/appeal-access";
import type { SessionUser } from "../auth/sessions";
import { DomainError } from "../errors";

/**
 * What the receipt of an assisted filing prints, for the operator who filed it. The access code is not
 * here: only its hash is stored, and the receipt page gets the code from the filing's own response.
 */
export async function getAssistedReceipt(db: Db, o: { operator: SessionUser; appealId: string }) {
  const appeal = await getReadableAppealOrThrow(db, o.appealId, o.operator);
  if (appeal.channel !== "assisted") throw new DomainError("NOT_FOUND");
  const [body] = await db
    .select({ nameKk: stateBodies.nameKk, nameRu: stateBodies.nameRu, nameEn: stateBodies.nameEn })
    .from(stateBodies)
    .where(eq(stateBodies.id, appeal.bodyId));
  if (!body) throw new DomainError("NOT_FOUND");
  return {
    id: appeal.id,
    number: appeal.number,
    kind: appeal.kind,
    subject: appeal.subject,
    applicantName: appeal.applicantName,
    filedAt: appeal.filedAt,
    registeredOn: appeal.registeredOn,
    dueAt: appeal.dueAt,
    // The receipt prints in the citizen's language, whatever the operator's screen is in.
    locale: appeal.locale,
    body,
  };
}
