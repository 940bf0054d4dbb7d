/**
 * Deadlines for appeals under the Administrative Procedural and Process Code of Kazakhstan (APPC).
 *
 * APPC Art. 76: an appeal is considered within 15 working days; the head of the body (or a deputy) may
 * extend that once, by a reasoned decision, to at most two months in total, and must tell the citizen
 * within 3 working days of extending; an appeal outside the body's competence is forwarded to the
 * competent body within 3 working days of receipt, telling the citizen at the same time.
 *
 * All due dates are returned as the end of the local day (23:59:59.999 Almaty time) because a term in
 * days lasts for the whole of its last day.
 */

import {
  addCalendarMonths,
  almatyDate,
  almatyEndOfDay,
  almatyMinutesOfDay,
  type IsoDate,
  WORKDAY_END_MINUTES,
  type WorkingCalendar,
} from "./working-calendar";

export type AppealKind = "application" | "message" | "response" | "proposal" | "request" | "complaint";

export const APPEAL_KINDS: readonly AppealKind[] = Object.freeze([
  "application",
  "message",
  "response",
  "proposal",
  "request",
  "complaint",
]);

export type DeadlinePolicy = {
  kind: AppealKind;
  /** Working days from registration to the answer. */
  considerationWorkingDays: number;
  /** Cap on the whole term, counted from registration and including the one extension. */
  extensionMaxCalendarMonths: number;
  /** Working days, from the day of the extension decision, to tell the citizen about it. */
  extensionNoticeWorkingDays: number;
  /** Working days from receipt to forward an appeal outside the body's competence. */
  forwardingWorkingDays: number;
  /** Whether the clock stops while the citizen is asked for clarification. */
  clarificationPausesClock: boolean;
};

function appcDefault(kind: AppealKind): DeadlinePolicy {
  return Object.freeze({
    kind,
    considerationWorkingDays: 15,
    extensionMaxCalendarMonths: 2,
    extensionNoticeWorkingDays: 3,
    forwardingWorkingDays: 3,
    // Off by default: no provision of the APPC found stops the term while the applicant clarifies, and a
    // commentary says the time to correct deficiencies is included in the term (docs/metrics.md, "Parked
    // appeals"). An administrator may switch it on per kind once a legal basis is confirmed.
    clarificationPausesClock: false,
  });
}

/**
 * Seed values; an administrator can change them per kind in the database.
 *
 * Applications, messages, responses, proposals and requests: 15 working days under APPC Art. 76.
 * Complaints: seeded with the same 15 working days, but this is NOT verified. Complaints against an
 * administrative act or action are handled under the APPC chapter on pre-trial appeal (Art. 91 ff.),
 * whose own term of consideration (Art. 100 is believed to say 20 working days) should be checked and
 * set here by the administrator.
 */
export const APPC_DEFAULT_POLICIES: Record<AppealKind, DeadlinePolicy> = Object.freeze({
  application: appcDefault("application"),
  message: appcDefault("message"),
  response: appcDefault("response"),
  proposal: appcDefault("proposal"),
  request: appcDefault("request"),
  complaint: appcDefault("complaint"),
});

/**
 * The day an appeal is registered. The APPC requires registration on the day of receipt; an appeal that
 * arrives after working hours or on a non-working day is registered on the next working day. One that
 * arrives before opening time on a working day is registered that same day, when the office opens.
 */
export function registrationDate(receivedAt: Date, cal: WorkingCalendar): IsoDate {
  const localDay = almatyDate(receivedAt);
  if (cal.isWorkingDay(localDay) && almatyMinutesOfDay(receivedAt) < WORKDAY_END_MINUTES) {
    return localDay;
  }
  return cal.nextWorkingDay(localDay);
}

/**
 * End of the last day to answer: `considerationWorkingDays` working days after registration, the day of
 * registration itself not counted (a term starts on the day after the event that starts it).
 */
export function considerationDueAt(registeredOn: IsoDate, p: DeadlinePolicy, cal: WorkingCalendar): Date {
  return almatyEndOfDay(cal.addWorkingDays(registeredOn, p.considerationWorkingDays));
}

/**
 * The latest an extension may reach: registration + two calendar months (APPC Art. 76, "not more than
 * up to two months"), moved to the next working day when that date is a day off (APPC rule on the end
 * of a term).
 */
export function latestExtensionDueAt(registeredOn: IsoDate, p: DeadlinePolicy, cal: WorkingCalendar): Date {
  const cap = addCalendarMonths(registeredOn, p.extensionMaxCalendarMonths);
  return almatyEndOfDay(cal.workingDayOnOrAfter(cap));
}

export type ExtendDeadlineInput = {
  registeredOn: IsoDate;
  currentDueAt: Date;
  /** The new last day the head's decision sets. */
  requestedOn: IsoDate;
  alreadyExtended: boolean;
  /** When the decision is taken; the citizen's notice period runs from this local day. */
  now: Date;
};

export type ExtendDeadlineResult =
  | { ok: true; dueAt: Date; citizenNoticeBy: Date }
  | { ok: false; reason: "ALREADY_EXTENDED" | "BEYOND_LIMIT" | "NOT_LATER" | "DEADLINE_PASSED" };

/**
 * Applies the head's reasoned decision to extend the term (APPC Art. 76):
 * - only once: ALREADY_EXTENDED;
 * - only while the current term is still running, since an expired term cannot be extended:
 *   DEADLINE_PASSED;
 * - only to a later day: NOT_LATER;
 * - never past two months from registration: BEYOND_LIMIT.
 * A requested day that is not a working day is moved to the next working day before these checks, as
 * the term would end there anyway.
 */
export function extendDeadline(
  o: ExtendDeadlineInput,
  p: DeadlinePolicy,
  cal: WorkingCalendar,
): ExtendDeadlineResult {
  if (o.alreadyExtended) return { ok: false, reason: "ALREADY_EXTENDED" };
  if (o.now.getTime() > o.currentDueAt.getTime()) return { ok: false, reason: "DEADLINE_PASSED" };

  const dueAt = almatyEndOfDay(cal.workingDayOnOrAfter(o.requestedOn));
  if (dueAt.getTime() <= o.currentDueAt.getTime()) return { ok: false, reason: "NOT_LATER" };
  if (dueAt.getTime() > latestExtensionDueAt(o.registeredOn, p, cal).getTime()) {
    return { ok: false, reason: "BEYOND_LIMIT" };
  }

  // "…of which the participant is notified within three working days of the day of the extension."
  const citizenNoticeBy = almatyEndOfDay(cal.addWorkingDays(almatyDate(o.now), p.extensionNoticeWorkingDays));
  return { ok: true, dueAt, citizenNoticeBy };
}

/**
 * New due date after the citizen answers a request for clarification. When the policy stops the clock,
 * the due date moves by the working days in (day paused, day resumed]: the body keeps the day it asked,
 * and gets back every working day after it up to and including the day the answer arrived. When the
 * policy does not stop the clock the due date is unchanged.
 */
export function resumeAfterPause(
  o: { dueAt: Date; pausedAt: Date; resumedAt: Date },
  p: DeadlinePolicy,
  cal: WorkingCalendar,
): Date {
  if (o.resumedAt.getTime() < o.pausedAt.getTime()) {
    throw new RangeError("resumedAt is before pausedAt");
  }
  if (!p.clarificationPausesClock) return new Date(o.dueAt.getTime());
  const stopped = cal.workingDaysBetween(almatyDate(o.pausedAt), almatyDate(o.resumedAt));
  return almatyEndOfDay(cal.addWorkingDays(almatyDate(o.dueAt), stopped));
}

/** End of the last day to forward an appeal outside the body's competence: 3 working days from receipt (APPC Art. 76). */
export function forwardingDueAt(receivedOn: IsoDate, p: DeadlinePolicy, cal: WorkingCalendar): Date {
  return almatyEndOfDay(cal.addWorkingDays(receivedOn, p.forwardingWorkingDays));
}

/**
 * Working days the body still has: working days in (today, due day], so 0 on the last day itself.
 * Once `now` is past `dueAt` the result is negative, at least -1 even before a whole working day has
 * gone by (e.g. on the Saturday after a Friday deadline), so that "overdue" never reads as 0.
 */
export function workingDaysLeft(dueAt: Date, now: Date, cal: WorkingCalendar): number {
  const dueDay = almatyDate(dueAt);
  const today = almatyDate(now);
  if (now.getTime() <= dueAt.getTime()) {
    return cal.workingDaysBetween(today, dueDay);
  }
  return -Math.max(1, cal.workingDaysBetween(dueDay, today));
}

/** The working day `workingDaysBefore` working days before the due day, to remind the executor while the term can still be met. */
export function reminderDate(dueAt: Date, cal: WorkingCalendar, workingDaysBefore = 3): IsoDate {
  if (!Number.isInteger(workingDaysBefore) || workingDaysBefore < 0) {
    throw new RangeError(`workingDaysBefore must be a non-negative integer, got ${workingDaysBefore}`);
  }
  return cal.addWorkingDays(almatyDate(dueAt), -workingDaysBefore);
}
