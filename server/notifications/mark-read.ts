import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";

/**
 * Marks the user's own notifications read: the listed ones, or all when `ids` is omitted. Ids of someone
 * else's notifications match nothing. Returns how many changed.
 */
export async function markNotificationsRead(
  db: Db,
  o: { userId: string; ids?: readonly string[]; now?: Date },
): Promise<number> {
  const marked = await db
    .update(notifications)
    .set({ readAt: o.now ?? new Date() })
    .where(
      and(
        eq(notifications.userId, o.userId),
        isNull(notifications.readAt),
        o.ids ? inArray(notifications.id, [...o.ids]) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return marked.length;
}
