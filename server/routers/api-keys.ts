import { z } from "zod";
import { issueApiKey, listApiKeys, revokeApiKey } from "../open311/api-keys";
import { adminProcedure, router } from "../trpc";

export const IssueApiKeyInput = z.strictObject({
  name: z.string().trim().min(2).max(120),
  accountEmail: z.email().max(254),
});
export const RevokeApiKeyInput = z.strictObject({ id: z.uuid() });

// Keys to file appeals through Open311: only an admin issues and revokes them.
export const apiKeysRouter = router({
  list: adminProcedure.query(({ ctx }) => listApiKeys(ctx.db)),
  issue: adminProcedure
    .input(IssueApiKeyInput)
    .mutation(({ ctx, input }) => issueApiKey(ctx.db, { ...input, adminId: ctx.user.id })),
  revoke: adminProcedure.input(RevokeApiKeyInput).mutation(({ ctx, input }) => revokeApiKey(ctx.db, input)),
});
