import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deadlinePolicies } from "@/db/schema";
import { DomainError } from "../errors";
import { APPEAL_KINDS, type AppealKind, type DeadlinePolicy } from "./deadline-policy";

/**
 * Bounds an admin's edit must stay within: wide enough for a change in the law (the APPC's own terms are
 * 15 working days, two months, 3 and 3 working days), narrow enough to catch a typo such as 150.
 */
export const POLICY_BOUNDS = {
  considerationWorkingDays: { min: 1, max: 60 },
  extensionMaxCalendarMonths: { min: 1, max: 12 },
  extensionNoticeWorkingDays: { min: 1, max: 30 },
  forwardingWorkingDays: { min: 1, max: 30 },
} as const;

export type PolicyTerms = Omit<DeadlinePolicy, "kind">;

/** The six kinds' policies, in the order the APPC lists the kinds. */
export async function listDeadlinePolicies(db: Db) {
  const rows = await db.select().from(deadlinePolicies);
  return APPEAL_KINDS.flatMap((kind) => rows.filter((r) => r.kind === kind));
}

/**
 * Changes the terms of one kind of appeal. Only deadlines computed from now on follow the new terms: a
 * deadline already set was stored when it was set and is not rewritten.
 */
export async function updateDeadlinePolicy(
  db: Db,
  o: { kind: AppealKind; terms: PolicyTerms; adminId: string; now?: Date },
) {
  for (const [field, { min, max }] of Object.entries(POLICY_BOUNDS)) {
    const value = o.terms[field as keyof typeof POLICY_BOUNDS];
    if (!Number.isInteger(value) || value < min || value > max) throw new DomainError("BAD_POLICY_TERM");
  }
  const [updated] = await db
    .update(deadlinePolicies)
    .set({
      considerationWorkingDays: o.terms.considerationWorkingDays,
      extensionMaxCalendarMonths: o.terms.extensionMaxCalendarMonths,
      extensionNoticeWorkingDays: o.terms.extensionNoticeWorkingDays,
      forwardingWorkingDays: o.terms.forwardingWorkingDays,
      clarificationPausesClock: o.terms.clarificationPausesClock,
      updatedBy: o.adminId,
      updatedAt: o.now ?? new Date(),
    })
    .where(eq(deadlinePolicies.kind, o.kind))
    .returning();
  if (!updated) throw new DomainError("NOT_FOUND");
  return updated;
}
