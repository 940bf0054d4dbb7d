import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarDays, deadlinePolicies } from "@/db/schema";
import { DomainError } from "../errors";
import type { AppealKind, DeadlinePolicy } from "./deadline-policy";
import { WorkingCalendar } from "./working-calendar";

/** The calendar as the admin keeps it today; small (a few hundred rows), so read when needed. */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  return new WorkingCalendar(await db.select().from(calendarDays));
}

export async function loadDeadlinePolicy(db: Db, kind: AppealKind): Promise<DeadlinePolicy> {
  const [policy] = await db.select().from(deadlinePolicies).where(eq(deadlinePolicies.kind, kind));
  if (!policy) throw new DomainError("NOT_FOUND");
  return policy;
}
