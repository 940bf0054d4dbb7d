import { createCallerFactory, router } from "../trpc";
import { accountRouter } from "./account";
import { adminRouter } from "./admin";
import { appealRouter } from "./appeal";
import { directoryRouter } from "./directory";
import { inboxRouter } from "./inbox";
import { moderationRouter } from "./moderation";
import { notificationRouter } from "./notification";
import { operatorRouter } from "./operator";
import { publicAppealsRouter } from "./public-appeals";
import { trackRouter } from "./track";

export const appRouter = router({
  account: accountRouter,
  appeal: appealRouter,
  directory: directoryRouter,
  admin: adminRouter,
  inbox: inboxRouter,
  moderation: moderationRouter,
  notification: notificationRouter,
  operator: operatorRouter,
  publicAppeals: publicAppealsRouter,
  track: trackRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
