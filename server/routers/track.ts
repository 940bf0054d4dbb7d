import { z } from "zod";
import { trackAppeal } from "../appeals/track-appeal";
import { TrackOutput } from "../appeals/track-appeal-schema";
import { publicProcedure, rateLimited, router } from "../trpc";

export const TrackInput = z.strictObject({
  number: z.string().trim().min(1).max(40),
  code: z.string().trim().min(1).max(40),
});

export const trackRouter = router({
  // A mutation, so that the code travels in a POST body: a query would put it in the URL, and URLs are logged.
  appeal: publicProcedure
    .use(rateLimited("trackAppeal", (ctx) => ctx.clientIp ?? "direct"))
    .input(TrackInput)
    .output(TrackOutput)
    .mutation(({ ctx, input }) => trackAppeal(ctx.db, input)),
});
