import type { Db } from "@/db/client";
import { calendarDays, deadlinePolicies } from "@/db/schema";
import { APPC_DEFAULT_POLICIES } from "@/server/deadlines/deadline-policy";
import { kazakhstanCalendarDays } from "@/server/deadlines/kazakhstan-holidays";
import { seedStateBodies } from "./state-bodies";

/**
 * Data the service cannot run without: the directory of bodies, the working-day calendar and the APPC's
 * terms. Loaded on every start; rows an admin has changed are left as they are.
 */
export async function seedReferenceData(db: Db): Promise<void> {
  await seedStateBodies(db);
  await db.insert(calendarDays).values(kazakhstanCalendarDays(2024, 2030)).onConflictDoNothing();
  await db.insert(deadlinePolicies).values(Object.values(APPC_DEFAULT_POLICIES)).onConflictDoNothing();
}
