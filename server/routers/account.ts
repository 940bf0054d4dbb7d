import { z } from "zod";
import { getProfileOrThrow } from "../accounts/get-profile";
import { registerCitizen } from "../accounts/register-citizen";
import { publicProcedure, rateLimited, router, signedInProcedure } from "../trpc";

export const RegisterInput = z.strictObject({
  fullName: z.string().trim().min(2).max(120),
  email: z.email().max(254),
  password: z.string().min(10).max(200),
  locale: z.enum(["kk", "ru", "en"]),
});

export const accountRouter = router({
  register: publicProcedure
    .use(rateLimited("register", (ctx) => ctx.clientIp ?? "direct"))
    .input(RegisterInput)
    .mutation(({ ctx, input }) => registerCitizen(ctx.db, input)),
  profile: signedInProcedure.query(({ ctx }) => getProfileOrThrow(ctx.db, ctx.user.id)),
});
