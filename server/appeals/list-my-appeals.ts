import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals, stateBodies } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { loadWorkingCalendar } from "../deadlines/load-calendar";
import { readableAppeals } from "./appeal-access";
import { deadlineState } from "./deadline-state";

/** The citizen's own appeals, newest first, each with where it stands against its deadline. */
export async function listMyAppeals(db: Db, o: { viewer: SessionUser; now?: Date }) {
  const now = o.now ?? new Date();
  const rows = await db
    .select({
      id: appeals.id,
      number: appeals.number,
      kind: appeals.kind,
      status: appeals.status,
      subject: appeals.subject,
      filedAt: appeals.filedAt,
      dueAt: appeals.dueAt,
      pausedAt: appeals.pausedAt,
      answeredAt: appeals.answeredAt,
      complaintOfId: appeals.complaintOfId,
      body: {
        id: stateBodies.id,
        nameKk: stateBodies.nameKk,
        nameRu: stateBodies.nameRu,
        nameEn: stateBodies.nameEn,
      },
    })
    .from(appeals)
    .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
    .where(and(eq(appeals.authorId, o.viewer.id), await readableAppeals(db, o.viewer)))
    .orderBy(desc(appeals.filedAt), desc(appeals.number))
    .limit(500);
  const cal = await loadWorkingCalendar(db);
  return rows.map(({ pausedAt, ...row }) => ({
    ...row,
    deadline: deadlineState({ status: row.status, dueAt: row.dueAt, pausedAt }, now, cal),
  }));
}
