import { z } from "zod";
import { USER_ROLES } from "@/db/schema";
import {
  changeAccountRole,
  createStaffAccount,
  listAccounts,
  STAFF_ROLES,
  setAccountDisabled,
} from "../accounts/staff-accounts";
import { adminProcedure, router } from "../trpc";

export const CreateStaffInput = z.strictObject({
  fullName: z.string().trim().min(2).max(120),
  email: z.email().max(254),
  role: z.enum(STAFF_ROLES),
  bodyId: z.uuid().nullable(),
});
export const ChangeRoleInput = z.strictObject({
  userId: z.uuid(),
  role: z.enum(USER_ROLES),
  bodyId: z.uuid().nullable(),
});
export const ListAccountsInput = z.strictObject({
  search: z.string().max(120).optional(),
  role: z.enum(USER_ROLES).optional(),
  page: z.int().min(0).max(10_000).default(0),
});
const PAGE = 50;

export const accountsRouter = router({
  list: adminProcedure
    .input(ListAccountsInput)
    .query(({ ctx, input }) => listAccounts(ctx.db, { ...input, limit: PAGE, offset: input.page * PAGE })),
  create: adminProcedure
    .input(CreateStaffInput)
    .mutation(({ ctx, input }) => createStaffAccount(ctx.db, input)),
  changeRole: adminProcedure
    .input(ChangeRoleInput)
    .mutation(({ ctx, input }) => changeAccountRole(ctx.db, { ...input, adminId: ctx.user.id })),
  setDisabled: adminProcedure
    .input(z.strictObject({ userId: z.uuid(), disabled: z.boolean() }))
    .mutation(({ ctx, input }) => setAccountDisabled(ctx.db, { ...input, adminId: ctx.user.id })),
});
