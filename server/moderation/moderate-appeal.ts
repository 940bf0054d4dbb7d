import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealPublications, appeals } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { DomainError } from "../errors";
import { notifyApplicant } from "../notifications/notify";
import { changeVisibility, type PublicVisibility, type Redaction } from "./change-visibility";
import { signCheckpoint } from "./checkpoint";
import { loadSigningKey } from "./log-signing-key";
import { pseudonymOf } from "./moderator-pseudonym";
import { checkRedactions } from "./redactions";
import { buildStatement, type StatementInput } from "./statement-of-reasons";

export type ModerationDecision = "publish" | "publish_redacted" | "decline" | "hide" | "restore";

// Which decision may follow which visibility, and what it leaves.
const RULES: Record<
  ModerationDecision,
  { from: readonly PublicVisibility[]; to: PublicVisibility | "as_before" }
> = {
  publish: { from: ["pending"], to: "published" },
  publish_redacted: { from: ["pending", "published", "published_redacted"], to: "published_redacted" },
  decline: { from: ["pending"], to: "declined" },
  hide: { from: ["published", "published_redacted"], to: "hidden" },
  restore: { from: ["hidden", "declined"], to: "as_before" },
};

/** The decisions a moderator may take on a publication as it stands. */
export const allowedDecisions = (visibility: PublicVisibility): ModerationDecision[] =>
  (Object.keys(RULES) as ModerationDecision[]).filter((d) => RULES[d].from.includes(visibility));

/**
 * A moderator's decision on what the public sees of an appeal. Moderation governs publication only:
 * the appeal reached its body when filed, and nothing here touches its status or deadline.
 */
export async function moderateAppeal(
  db: Db,
  o: {
    appealId: string;
    moderator: SessionUser;
    decision: ModerationDecision;
    redactions?: Redaction[];
    statement?: StatementInput | null;
    now?: Date;
  },
) {
  const now = o.now ?? new Date();
  const entry = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ appeal: appeals, publication: appealPublications })
      .from(appealPublications)
      .innerJoin(appeals, eq(appeals.id, appealPublications.appealId))
      .where(eq(appealPublications.appealId, o.appealId))
      .for("update");
    if (!row) throw new DomainError("NOT_FOUND");
    const { appeal, publication } = row;
    // A moderator who works in the body an appeal is addressed to must not decide what the public sees of it.
    if (o.moderator.bodyId && o.moderator.bodyId === appeal.bodyId)
      throw new DomainError("CONFLICT_OF_INTEREST");
    const rule = RULES[o.decision];
    if (!rule.from.includes(publication.visibility)) throw new DomainError("BAD_TRANSITION");
    if (o.decision !== "publish" && !o.statement) throw new DomainError("STATEMENT_REQUIRED");

    const redactions =
      o.decision === "publish_redacted"
        ? checkRedactions(appeal.text, o.redactions ?? [])
        : publication.redactions;
    if (o.decision === "publish_redacted" && redactions.length === 0) throw new DomainError("BAD_REDACTION");
    const visibility =
      rule.to === "as_before" ? (redactions.length ? "published_redacted" : "published") : rule.to;
    const statement =
      o.statement && o.decision !== "publish"
        ? buildStatement(o.decision, {
            ...o.statement,
            appealNumber: appeal.number,
            now,
          })
        : null;
    const logged = await changeVisibility(tx, {
      appeal,
      action: o.decision,
      visibility,
      redactions: o.decision === "publish" ? [] : redactions,
      statement,
      moderator: { id: o.moderator.id, pseudonym: await pseudonymOf(tx, o.moderator.id) },
      now,
    });
    await notifyApplicant(tx, {
      appeal,
      type: "moderation_decision",
      values: {
        decision: { message: `decision.${o.decision}` },
        reason: o.statement ? { message: `ground.${o.statement.ground}` } : "—",
      },
    });
    return logged;
  });
  await signCheckpoint(db, loadSigningKey(), now);
  return entry;
}
