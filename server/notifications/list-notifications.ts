import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealEvents, appeals, notifications } from "@/db/schema";

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** A user's own notifications, newest first, a page at a time; nobody else's are ever selected. */
export async function listNotifications(db: Db, o: { userId: string; page: number }) {
  const rows = await db
    .select({
      id: notifications.id,
      type: notifications.type,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      appealId: appeals.id,
      appealNumber: appeals.number,
      appealSubject: appeals.subject,
      // A request for clarification is quoted in its notice: the citizen reads what is asked at once (the
      // latest question of the appeal, the one still waiting for a reply).
      question: sql<string | null>`case when ${notifications.type} = 'clarification_requested' then (
        select ${appealEvents.data}->>'question' from ${appealEvents}
        where ${appealEvents.appealId} = ${appeals.id} and ${appealEvents.type} = 'clarification_requested'
        order by ${appealEvents.id} desc limit 1) end`,
    })
    .from(notifications)
    .innerJoin(appeals, eq(appeals.id, notifications.appealId))
    .where(eq(notifications.userId, o.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE + 1)
    .offset((o.page - 1) * NOTIFICATIONS_PAGE_SIZE);
  return {
    items: rows.slice(0, NOTIFICATIONS_PAGE_SIZE),
    page: o.page,
    hasMore: rows.length > NOTIFICATIONS_PAGE_SIZE,
  };
}

export async function countUnreadNotifications(db: Db, o: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, o.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
