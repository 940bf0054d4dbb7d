import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { UserRole } from "@/db/schema";
import { type APPEAL_STATUSES, appealEvents, appeals } from "@/db/schema";
import { DomainError } from "../errors";

export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export type Appeal = typeof appeals.$inferSelect;

/**
 * The one state machine of an appeal. Each action names the statuses it may start from and the status it
 * leaves (null: the status stays, as for an extension). Nothing else changes an appeal's status.
 */
export const ACTIONS = {
  assign: { from: ["registered", "in_progress"], to: "in_progress", event: "assigned" },
  request_clarification: {
    from: ["registered", "in_progress"],
    to: "awaiting_clarification",
    event: "clarification_requested",
  },
  provide_clarification: {
    from: ["awaiting_clarification"],
    to: "in_progress",
    event: "clarification_provided",
  },
  // A forwarded appeal is registered anew at the competent body and its term starts again there.
  forward: { from: ["registered", "in_progress"], to: "registered", event: "forwarded" },
  // APPC Art. 91(3)-(4): a complaint is filed through the body it is about; that body satisfies it itself
  // (an answer) or passes it, with the whole file, to the superior body, which registers it anew.
  pass_complaint_up: {
    from: ["registered", "in_progress", "awaiting_clarification"],
    to: "registered",
    event: "complaint_passed_up",
  },
  extend: {
    from: ["registered", "in_progress", "awaiting_clarification"],
    to: null,
    event: "deadline_extended",
  },
  // A citizen who never clarifies must not keep the body from answering (and the term is paused meanwhile).
  answer: {
    from: ["registered", "in_progress", "awaiting_clarification"],
    to: "answered",
    event: "answered",
  },
  close: { from: ["answered"], to: "closed", event: "closed" },
  // A correction of the official calendar (a holiday added or abolished by law or decree) moves a running
  // term by the working days it gained or lost; the status stays (server/calendar/sync-calendar-facts.ts).
  correct_deadline: {
    from: ["registered", "in_progress", "awaiting_clarification"],
    to: null,
    event: "deadline_corrected",
  },
  // APPC Art. 91(2): silence past the deadline counts as a refusal; the appeal stays open for a late answer.
  mark_overdue: {
    from: ["registered", "in_progress", "awaiting_clarification"],
    to: null,
    event: "deadline_missed",
  },
} as const satisfies Record<
  string,
  { from: readonly AppealStatus[]; to: AppealStatus | null; event: string }
>;

export type AppealAction = keyof typeof ACTIONS;

/** Events that record something other than a change of status. */
export type NoteEvent =
  | "registered"
  | "rated"
  | "complaint_filed"
  | "executor_reminded"
  | "supervisor_alerted"
  // A service centre printed a new access code: the one before it no longer opens the appeal.
  | "access_code_reissued";
export type AppealEventType = (typeof ACTIONS)[AppealAction]["event"] | NoteEvent;

export const isAwaitingAnswer = (s: AppealStatus) => s !== "answered" && s !== "closed";
export const canTake = (action: AppealAction, s: AppealStatus) =>
  (ACTIONS[action].from as readonly AppealStatus[]).includes(s);

export type Actor = { id: string; role: UserRole; bodyId?: string | null } | null;

export async function recordEvent(
  db: Db,
  o: {
    appealId: string;
    type: AppealEventType;
    actor: Actor;
    bodyId?: string | null;
    data?: Record<string, unknown>;
    /** When it happened, if not now: the domain's clock, so history and deadlines agree. */
    at?: Date;
  },
) {
  const [event] = await db
    .insert(appealEvents)
    .values({
      appealId: o.appealId,
      type: o.type,
      actorId: o.actor?.id ?? null,
      actorRole: o.actor?.role ?? "system",
      bodyId: o.bodyId ?? o.actor?.bodyId ?? null,
      data: o.data ?? {},
      ...(o.at ? { occurredAt: o.at } : {}),
    })
    .returning();
  if (!event) throw new Error("event not recorded");
  return event;
}

/**
 * Applies an action to an appeal the caller has locked: checks the state machine, writes the new
 * status and fields, and appends the event, in the caller's transaction.
 */
export async function applyAction(
  tx: Db,
  o: {
    appeal: Appeal;
    action: AppealAction;
    actor: Actor;
    set?: Partial<Omit<typeof appeals.$inferInsert, "status" | "id">>;
    data?: Record<string, unknown>;
    at?: Date;
  },
) {
  const rule = ACTIONS[o.action];
  if (!canTake(o.action, o.appeal.status)) throw new DomainError("BAD_TRANSITION");
  const status = rule.to ?? o.appeal.status;
  const [updated] = await tx
    .update(appeals)
    .set({ ...o.set, status })
    .where(and(eq(appeals.id, o.appeal.id), eq(appeals.status, o.appeal.status)))
    .returning();
  if (!updated) throw new DomainError("BAD_TRANSITION");
  const event = await recordEvent(tx, {
    appealId: o.appeal.id,
    type: rule.event,
    actor: o.actor,
    bodyId: o.appeal.bodyId,
    data: o.data,
    at: o.at,
  });
  return { appeal: updated, event };
}

/** Loads and locks an appeal for a change; the lock serialises concurrent actions on one appeal. */
export async function lockAppealOrThrow(tx: Db, appealId: string): Promise<Appeal> {
  const [appeal] = await tx.select().from(appeals).where(eq(appeals.id, appealId)).for("update");
  if (!appeal) throw new DomainError("NOT_FOUND");
  return appeal;
}
