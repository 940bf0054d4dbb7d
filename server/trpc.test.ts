import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { UserRole } from "@/db/schema";
import { stateBodies, USER_ROLES } from "@/db/schema";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import {
  adminProcedure,
  auditorProcedure,
  citizenProcedure,
  createCallerFactory,
  moderatorProcedure,
  officialProcedure,
  operatorProcedure,
  router,
  signedInProcedure,
} from "./trpc";

const probe = router({
  citizen: citizenProcedure.query(() => "ok"),
  official: officialProcedure.query(({ ctx }) => ctx.bodyId),
  operator: operatorProcedure.query(() => "ok"),
  moderator: moderatorProcedure.query(() => "ok"),
  auditor: auditorProcedure.query(() => "ok"),
  admin: adminProcedure.query(() => "ok"),
  signedIn: signedInProcedure.query(({ ctx }) => ctx.user.role),
});
const callProbe = createCallerFactory(probe);
const GUARDED = [
  "citizen",
  "official",
  "operator",
  "moderator",
  "auditor",
  "admin",
] as const satisfies UserRole[];

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : "THREW";
  }
}

describe("the procedure ladder", () => {
  const db = useTestDatabase();

  it("refuses anonymous callers on every guarded procedure", async () => {
    const caller = callProbe({ db: db(), user: null });
    for (const name of [...GUARDED, "signedIn"] as const) {
      expect(await codeOf(caller[name]()), name).toBe("UNAUTHORIZED");
    }
  });

  it("lets each role through its own procedure only", async () => {
    const [body] = await db()
      .insert(stateBodies)
      .values({
        code: "probe-body",
        level: "central",
        nameKk: "a",
        nameRu: "a",
        nameEn: "a",
        categories: ["other"],
      })
      .returning();
    for (const role of USER_ROLES) {
      const user = await createActor(db(), role, { bodyId: role === "official" ? body?.id : undefined });
      const caller = callProbe({ db: db(), user });
      for (const procedure of GUARDED) {
        expect(await codeOf(caller[procedure]()), `${role} → ${procedure}`).toBe(
          procedure === role ? "OK" : "FORBIDDEN",
        );
      }
      expect(await caller.signedIn()).toBe(role);
    }
  });

  it("refuses an official who belongs to no body", async () => {
    const user = { ...(await createActor(db(), "citizen")), role: "official" as const, bodyId: null };
    expect(await codeOf(callProbe({ db: db(), user }).official())).toBe("FORBIDDEN");
  });
});
