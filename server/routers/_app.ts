import { createCallerFactory, router } from "../trpc";
import { accountRouter } from "./account";
import { accountsRouter } from "./accounts";
import { adminRouter } from "./admin";
import { apiKeysRouter } from "./api-keys";
import { appealRouter } from "./appeal";
import { auditRouter } from "./audit";
import { directoryRouter } from "./directory";
import { gradingRouter } from "./grading";
import { inboxRouter } from "./inbox";
import { metricsRouter } from "./metrics";
import { moderationRouter } from "./moderation";
import { notificationRouter } from "./notification";
import { openDataRouter } from "./open-data";
import { operatorRouter } from "./operator";
import { publicAppealsRouter } from "./public-appeals";
import { replicaRouter } from "./replica";
import { trackRouter } from "./track";

export const appRouter = router({
  account: accountRouter,
  appeal: appealRouter,
  directory: directoryRouter,
  grading: gradingRouter,
  accounts: accountsRouter,
  admin: adminRouter,
  apiKeys: apiKeysRouter,
  inbox: inboxRouter,
  metrics: metricsRouter,
  audit: auditRouter,
  moderation: moderationRouter,
  notification: notificationRouter,
  openData: openDataRouter,
  operator: operatorRouter,
  publicAppeals: publicAppealsRouter,
  replica: replicaRouter,
  track: trackRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
