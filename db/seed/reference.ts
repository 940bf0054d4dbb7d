import type { Db } from "@/db/client";
import { deadlinePolicies } from "@/db/schema";
import { syncCalendarFacts } from "@/server/calendar/sync-calendar-facts";
import { APPC_DEFAULT_POLICIES } from "@/server/deadlines/deadline-policy";
import { seedStateBodies } from "./state-bodies";

/**
 * Data the service cannot run without: the directory of bodies, the working-day calendar and the APPC's
 * terms. Loaded on every start. The directory and the calendar are corrected in place from their sourced
 * data files (db/seed/data/), so a fix to the facts reaches a running service on its next start; rows an
 * admin has changed are left as they are.
 */
export async function seedReferenceData(db: Db, o: { now?: Date } = {}): Promise<void> {
  await seedStateBodies(db);
  await syncCalendarFacts(db, o);
  await db.insert(deadlinePolicies).values(Object.values(APPC_DEFAULT_POLICIES)).onConflictDoNothing();
}
