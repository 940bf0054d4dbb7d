import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals, stateBodies } from "@/db/schema";
import { readableAppeals } from "../appeals/appeal-access";
import { deadlineState } from "../appeals/deadline-state";
import type { SessionUser } from "../auth/sessions";
import { loadWorkingCalendar } from "../deadlines/load-calendar";

/** The appeals an operator filed for citizens, newest first: the service centre's own register. */
export async function listFiledAppeals(db: Db, o: { operator: SessionUser; limit?: number; now?: Date }) {
  const rows = await db
    .select({
      id: appeals.id,
      number: appeals.number,
      kind: appeals.kind,
      status: appeals.status,
      subject: appeals.subject,
      applicantName: appeals.applicantName,
      locale: appeals.locale,
      filedAt: appeals.filedAt,
      dueAt: appeals.dueAt,
      pausedAt: appeals.pausedAt,
      body: { nameKk: stateBodies.nameKk, nameRu: stateBodies.nameRu, nameEn: stateBodies.nameEn },
    })
    .from(appeals)
    .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
    .where(await readableAppeals(db, o.operator))
    .orderBy(desc(appeals.filedAt), desc(appeals.number))
    .limit(o.limit ?? 50);
  const cal = await loadWorkingCalendar(db);
  const now = o.now ?? new Date();
  return rows.map(({ pausedAt, ...row }) => ({
    ...row,
    overdue: deadlineState({ ...row, pausedAt }, now, cal).overdue,
  }));
}
