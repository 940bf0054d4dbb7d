import { z } from "zod";
import { APPEAL_KIND_VALUES, calendarDayKind } from "@/db/schema";
import { FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR } from "../calendar/calendar-years";
import { deleteCalendarDay } from "../calendar/delete-calendar-day";
import { getCalendarYear } from "../calendar/get-calendar-year";
import { listCalendarDays } from "../calendar/list-calendar-days";
import { saveCalendarDay } from "../calendar/save-calendar-day";
import { listDeadlinePolicies, POLICY_BOUNDS, updateDeadlinePolicy } from "../deadlines/update-policy";
import { isIsoDate } from "../deadlines/working-calendar";
import { listOutbox } from "../notifications/list-outbox";
import { listSmsOutbox } from "../sms/list-sms-outbox";
import { adminProcedure, router } from "../trpc";

const IsoDateInput = z.string().refine(isIsoDate, { params: { key: "format" } });
const term = (b: { min: number; max: number }) => z.int().min(b.min).max(b.max);

export const CalendarYearInput = z.strictObject({
  year: z.int().min(FIRST_CALENDAR_YEAR).max(LAST_CALENDAR_YEAR),
});
export const SaveCalendarDayInput = z.strictObject({
  date: IsoDateInput,
  kind: z.enum(calendarDayKind.enumValues),
  name: z.string().trim().min(2).max(120),
});
export const DeleteCalendarDayInput = z.strictObject({ date: IsoDateInput });
export const UpdatePolicyInput = z.strictObject({
  kind: z.enum(APPEAL_KIND_VALUES),
  considerationWorkingDays: term(POLICY_BOUNDS.considerationWorkingDays),
  extensionMaxCalendarMonths: term(POLICY_BOUNDS.extensionMaxCalendarMonths),
  extensionNoticeWorkingDays: term(POLICY_BOUNDS.extensionNoticeWorkingDays),
  forwardingWorkingDays: term(POLICY_BOUNDS.forwardingWorkingDays),
  clarificationPausesClock: z.boolean(),
});

export const adminRouter = router({
  calendarDays: adminProcedure
    .input(CalendarYearInput)
    .query(({ ctx, input }) => listCalendarDays(ctx.db, input)),
  calendarYear: adminProcedure
    .input(CalendarYearInput)
    .query(({ ctx, input }) => getCalendarYear(ctx.db, input)),
  saveCalendarDay: adminProcedure
    .input(SaveCalendarDayInput)
    .mutation(({ ctx, input }) => saveCalendarDay(ctx.db, { ...input, adminId: ctx.user.id })),
  deleteCalendarDay: adminProcedure
    .input(DeleteCalendarDayInput)
    .mutation(({ ctx, input }) => deleteCalendarDay(ctx.db, input)),
  policies: adminProcedure.query(({ ctx }) => listDeadlinePolicies(ctx.db)),
  updatePolicy: adminProcedure
    .input(UpdatePolicyInput)
    .mutation(({ ctx, input: { kind, ...terms } }) =>
      updateDeadlinePolicy(ctx.db, { kind, terms, adminId: ctx.user.id }),
    ),
  outbox: adminProcedure.query(({ ctx }) => listOutbox(ctx.db)),
  smsOutbox: adminProcedure.query(({ ctx }) => listSmsOutbox(ctx.db)),
});
