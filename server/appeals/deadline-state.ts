import { workingDaysLeft } from "../deadlines/deadline-policy";
import { almatyDate, almatyStartOfDay, type WorkingCalendar } from "../deadlines/working-calendar";
import { type Appeal, isAwaitingAnswer } from "./lifecycle";

/** The inbox's "due soon": at most this many working days left. */
export const DUE_SOON_WORKING_DAYS = 3;

export type DeadlineState = {
  /** Working days left until the due day; negative once it has passed. Null when no answer is awaited. */
  daysLeft: number | null;
  /** APPC Art. 91(2): past the deadline without an answer, which the law treats as a refusal. */
  overdue: boolean;
  /** The term is stopped while the applicant is asked for clarification. */
  paused: boolean;
};

/** Where an appeal stands against its deadline, as the inbox and the appeal page show it. */
export function deadlineState(
  appeal: Pick<Appeal, "status" | "dueAt" | "pausedAt">,
  now: Date,
  cal: WorkingCalendar,
): DeadlineState {
  if (!isAwaitingAnswer(appeal.status)) return { daysLeft: null, overdue: false, paused: false };
  const paused = appeal.status === "awaiting_clarification" && appeal.pausedAt !== null;
  return {
    daysLeft: workingDaysLeft(appeal.dueAt, now, cal),
    overdue: !paused && now.getTime() > appeal.dueAt.getTime(),
    paused,
  };
}

/** The first instant that is more than DUE_SOON_WORKING_DAYS working days away, for "due soon" queries. */
export function dueSoonBefore(now: Date, cal: WorkingCalendar): Date {
  return almatyStartOfDay(cal.addWorkingDays(almatyDate(now), DUE_SOON_WORKING_DAYS + 1));
}
