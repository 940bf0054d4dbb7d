import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarDays, deadlinePolicies, deadlineRulesVersion } from "@/db/schema";
import { DomainError } from "../errors";
import type { AppealKind, DeadlinePolicy } from "./deadline-policy";
import { WorkingCalendar } from "./working-calendar";

/** The calendar and every kind's policy as of one version of them (db/schema/calendar.ts). */
export type DeadlineRules = {
  token: string;
  calendar: WorkingCalendar;
  policy: (kind: AppealKind) => DeadlinePolicy;
};

// One copy per process. Its token names the version it was read at; a database's token is random and
// renewed on every change, so a copy is never taken for another database's or another version's rules.
let cached: Promise<DeadlineRules> | undefined;

async function load(db: Db): Promise<DeadlineRules> {
  // The token first: should the rules change between the two reads, the copy holds newer rows under an
  // older token, which the next filing refuses and reloads. The other order could keep old rows for good.
  const [version] = await db.select({ token: deadlineRulesVersion.token }).from(deadlineRulesVersion);
  if (!version) throw new Error("deadline_rules_version has no row: migrations not applied");
  const [days, policies] = await Promise.all([
    db.select().from(calendarDays),
    db.select().from(deadlinePolicies),
  ]);
  const byKind = new Map(policies.map((p) => [p.kind, p]));
  return {
    token: version.token,
    calendar: new WorkingCalendar(days),
    policy: (kind) => {
      const policy = byKind.get(kind);
      if (!policy) throw new DomainError("NOT_FOUND");
      return policy;
    },
  };
}

/**
 * The rules this process holds, read from the database the first time. Whoever relies on them checks the
 * token in the statement that writes (`requireCurrent`) and calls `reloadDeadlineRules` when it fails.
 */
export function deadlineRules(db: Db): Promise<DeadlineRules> {
  if (!cached) {
    const loading = load(db);
    cached = loading;
    // A failed read is not kept: the next caller tries again.
    loading.catch(() => {
      if (cached === loading) cached = undefined;
    });
  }
  return cached;
}

export async function reloadDeadlineRules(db: Db, stale: DeadlineRules): Promise<DeadlineRules> {
  // Several filers may find the same copy stale at once: whoever comes after a reload takes its result.
  const current = await cached?.catch(() => undefined);
  if (current && current.token !== stale.token) return current;
  cached = undefined;
  return deadlineRules(db);
}

/** A condition for the writing statement: true, or the statement fails with RULES_CHANGED. */
export const requireCurrent = (rules: DeadlineRules) =>
  sql`require_deadline_rules_version(${rules.token}::uuid)`;

/** The error of a statement whose rules changed under it (the function in migration 0023). */
export function isRulesChanged(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "TY001" || e?.cause?.code === "TY001";
}
