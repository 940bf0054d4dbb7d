import { z } from "zod";
import { countUnreadNotifications, listNotifications } from "../notifications/list-notifications";
import { markNotificationsRead } from "../notifications/mark-read";
import { router, signedInProcedure } from "../trpc";

export const ListNotificationsInput = z.strictObject({ page: z.int().min(1).max(10_000).default(1) });
export const MarkReadInput = z.strictObject({ ids: z.array(z.uuid()).min(1).max(100).optional() });

// Every procedure is scoped to ctx.user: only the recipient sees or touches a notification.
export const notificationRouter = router({
  list: signedInProcedure
    .input(ListNotificationsInput)
    .query(({ ctx, input }) => listNotifications(ctx.db, { userId: ctx.user.id, page: input.page })),
  unreadCount: signedInProcedure.query(({ ctx }) =>
    countUnreadNotifications(ctx.db, { userId: ctx.user.id }),
  ),
  markRead: signedInProcedure
    .input(MarkReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, { userId: ctx.user.id, ids: input.ids })),
});
