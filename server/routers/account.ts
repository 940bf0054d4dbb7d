import { z } from "zod";
import { getProfileOrThrow } from "../accounts/get-profile";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from "../accounts/password-policy";
import { registerCitizen } from "../accounts/register-citizen";
import { requestPasswordReset } from "../accounts/request-password-reset";
import { resetPassword } from "../accounts/reset-password";
import { verifyEmail } from "../accounts/verify-email";
import { removeAccountPhone, sendPhoneCode, setAccountPhone } from "../sms/phone-verification";
import { citizenProcedure, publicProcedure, rateLimited, router, signedInProcedure } from "../trpc";
import { PhoneCodeConfirmation, PhoneCodeRequest } from "./phone-input";

const address = (ctx: { clientIp?: string }) => ctx.clientIp ?? "direct";
const Password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
const Token = z.string().min(20).max(100);

export const RegisterInput = z
  .strictObject({
    fullName: z.string().trim().min(2).max(120),
    email: z.email().max(254),
    password: Password,
    locale: z.enum(["kk", "ru", "en"]),
  })
  .superRefine((input, ctx) => {
    const problem = passwordProblem(input.password, input);
    if (problem)
      ctx.addIssue({ code: "custom", path: ["password"], message: problem, params: { key: problem } });
  });

export const PasswordResetRequestInput = z.strictObject({ email: z.email().max(254) });
// Common passwords are refused here, beside the field; the account's own e-mail and name only once the
// token has named the account (server/accounts/reset-password.ts).
export const ResetPasswordInput = z
  .strictObject({ token: Token, password: Password })
  .superRefine((input, ctx) => {
    const problem = passwordProblem(input.password, { email: "", fullName: "" });
    if (problem)
      ctx.addIssue({ code: "custom", path: ["password"], message: problem, params: { key: problem } });
  });
export const VerifyEmailInput = z.strictObject({ token: Token });

export const accountRouter = router({
  // A citizen's phone for SMS notices: a code goes to it, and typing the code back proves it theirs.
  sendPhoneCode: citizenProcedure
    .input(PhoneCodeRequest)
    .mutation(({ ctx, input }) => sendPhoneCode(ctx.db, { ...input, requestedById: ctx.user.id })),
  confirmPhone: citizenProcedure
    .input(PhoneCodeConfirmation)
    .mutation(({ ctx, input }) => setAccountPhone(ctx.db, { ...input, userId: ctx.user.id })),
  removePhone: citizenProcedure.mutation(({ ctx }) => removeAccountPhone(ctx.db, { userId: ctx.user.id })),
  register: publicProcedure
    .use(rateLimited("register", address))
    .input(RegisterInput)
    .mutation(({ ctx, input }) => registerCitizen(ctx.db, input)),
  verifyEmail: publicProcedure
    .use(rateLimited("accountLink", address))
    .input(VerifyEmailInput)
    .mutation(({ ctx, input }) => verifyEmail(ctx.db, input)),
  requestPasswordReset: publicProcedure
    .use(rateLimited("passwordReset", address))
    .input(PasswordResetRequestInput)
    .use(
      rateLimited(
        "passwordReset",
        (_ctx, input) => `email:${String((input as { email: string }).email).toLowerCase()}`,
      ),
    )
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, input)),
  resetPassword: publicProcedure
    .use(rateLimited("accountLink", address))
    .input(ResetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input)),
  profile: signedInProcedure.query(({ ctx }) => getProfileOrThrow(ctx.db, ctx.user.id)),
});
