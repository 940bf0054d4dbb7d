import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { stateBodies, USER_ROLES } from "@/db/schema";
import { loadSessionUser, startSession } from "@/server/auth/sessions";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";

describe("staff accounts, managed by an admin", () => {
  const db = useTestDatabase();
  const almaty = async () =>
    (await db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-almaty-city")))[0]?.id ?? "";

  it("creates an official of a body whose one-time password signs in", async () => {
    const admin = await createActor(db(), "admin");
    const bodyId = await almaty();
    const created = await callerFor(db(), admin).accounts.create({
      fullName: "Дана Ерланқызы",
      email: "Dana.Official@akimat.kz",
      role: "official",
      bodyId,
    });
    const session = await startSession(db(), {
      email: "dana.official@akimat.kz",
      password: created.password,
    });
    expect(session?.user).toMatchObject({ role: "official", bodyId });
    await expect(
      callerFor(db(), admin).accounts.create({
        fullName: "No Body",
        email: "nb@akimat.kz",
        role: "official",
        bodyId: null,
      }),
    ).rejects.toMatchObject({ message: "BODY_REQUIRED" });
  });

  it("ends every session the moment a role changes or the account is disabled", async () => {
    const admin = await createActor(db(), "admin");
    const moderator = await createActor(db(), "moderator");
    await callerFor(db(), admin).accounts.changeRole({ userId: moderator.id, role: "citizen", bodyId: null });
    expect(await loadSessionUser(db(), moderator.sessionId)).toBeNull();

    const auditor = await createActor(db(), "auditor");
    await callerFor(db(), admin).accounts.setDisabled({ userId: auditor.id, disabled: true });
    expect(await loadSessionUser(db(), auditor.sessionId)).toBeNull();
  });

  it("refuses every other role and anonymous callers, and refuses unknown fields", async () => {
    for (const role of USER_ROLES.filter((r) => r !== "admin")) {
      const user = await createActor(db(), role, {
        bodyId: role === "official" ? await almaty() : undefined,
      });
      await expect(callerFor(db(), user).accounts.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        callerFor(db(), user).accounts.setDisabled({ userId: user.id, disabled: true }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(callerFor(db(), null).accounts.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const admin = await createActor(db(), "admin");
    const sneaky = {
      fullName: "X Y",
      email: "x@y.kz",
      role: "auditor",
      bodyId: null,
      passwordHash: "x",
    } as never;
    const error = await callerFor(db(), admin)
      .accounts.create(sneaky)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });
});
