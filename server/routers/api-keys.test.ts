import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { apiKeys, stateBodies, type UserRole, users } from "@/db/schema";
import { hashApiKey, verifyApiKey } from "@/server/open311/api-keys";
import { fieldErrorsOf } from "@/server/validation";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";

describe("API key procedures", () => {
  const db = useTestDatabase();

  it("lets an admin issue a key for a citizen account, list it without the key, and revoke it", async () => {
    const admin = await createActor(db(), "admin", { fullName: "Key Admin" });
    const account = await createActor(db(), "citizen", { fullName: "Gateway" });
    const { apiKeys: procedures } = callerFor(db(), admin);

    const issued = await procedures.issue({
      name: "  City 311 app  ",
      accountEmail: account.email.toUpperCase(),
    });
    expect(issued.name).toBe("City 311 app");
    expect(issued.key).toMatch(/^tyn_[A-Za-z0-9_-]{32}$/);
    const [stored] = await db().select().from(apiKeys).where(eq(apiKeys.id, issued.id));
    // Only the SHA-256 of the key is kept.
    expect(stored?.keyHash).toBe(hashApiKey(issued.key));
    expect(JSON.stringify(stored)).not.toContain(issued.key);
    expect(await verifyApiKey(db(), issued.key)).toEqual({ id: issued.id, accountId: account.id });

    const listed = await procedures.list();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: issued.id,
      name: "City 311 app",
      accountEmail: account.email,
      accountName: "Gateway",
      issuedBy: "Key Admin",
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(issued.key);

    const revoked = await procedures.revoke({ id: issued.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await verifyApiKey(db(), issued.key)).toBeNull();
    // Revoking again keeps the first date.
    expect((await procedures.revoke({ id: issued.id })).revokedAt).toEqual(revoked.revokedAt);
  });

  it("stops a key whose account is disabled", async () => {
    const admin = await createActor(db(), "admin");
    const account = await createActor(db(), "citizen");
    const { key } = await callerFor(db(), admin).apiKeys.issue({ name: "App", accountEmail: account.email });
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, account.id));
    expect(await verifyApiKey(db(), key)).toBeNull();
  });

  it("refuses a key for an account that is not an active citizen's", async () => {
    const admin = await createActor(db(), "admin");
    const { apiKeys: procedures } = callerFor(db(), admin);
    const moderator = await createActor(db(), "moderator");
    for (const accountEmail of [moderator.email, admin.email, "nobody@example.kz"]) {
      await expect(procedures.issue({ name: "App", accountEmail }), accountEmail).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(procedures.revoke({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses every other role and an anonymous caller, and issues or revokes nothing for them", async () => {
    const admin = await createActor(db(), "admin");
    const account = await createActor(db(), "citizen");
    const existing = await callerFor(db(), admin).apiKeys.issue({
      name: "Kept",
      accountEmail: account.email,
    });
    type Caller = ReturnType<typeof callerFor>;
    const calls: Record<string, (c: Caller) => Promise<unknown>> = {
      list: (c) => c.apiKeys.list(),
      issue: (c) => c.apiKeys.issue({ name: "Stolen", accountEmail: account.email }),
      revoke: (c) => c.apiKeys.revoke({ id: existing.id }),
    };
    const [body] = await db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-almaty-city"));
    const others: UserRole[] = ["citizen", "official", "operator", "moderator", "auditor"];
    for (const role of others) {
      const user = await createActor(db(), role, { bodyId: body?.id });
      for (const [name, call] of Object.entries(calls)) {
        await expect(call(callerFor(db(), user)), `${role} → ${name}`).rejects.toMatchObject({
          code: "FORBIDDEN",
        });
      }
    }
    for (const [name, call] of Object.entries(calls)) {
      await expect(call(callerFor(db(), null)), `anonymous → ${name}`).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
    }
    const keys = await db().select().from(apiKeys).where(eq(apiKeys.accountId, account.id));
    expect(keys.map((k) => [k.name, k.revokedAt])).toEqual([["Kept", null]]);
    expect(await verifyApiKey(db(), existing.key)).not.toBeNull();
  });

  it("answers bad input with BAD_REQUEST and a catalogue key per field", async () => {
    const { apiKeys: procedures } = callerFor(db(), await createActor(db(), "admin"));
    const fieldsOf = async (promise: Promise<unknown>) => {
      const error = await promise.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      return fieldErrorsOf((error as TRPCError).cause as ZodError);
    };
    expect(await fieldsOf(procedures.issue({ name: " x ", accountEmail: "not-an-email" }))).toMatchObject({
      name: { key: "tooShort" },
      accountEmail: { key: "email" },
    });
    expect(await fieldsOf(procedures.revoke({ id: "42" }))).toMatchObject({ id: { key: "format" } });
    expect(
      await fieldsOf(procedures.issue({ name: "App", accountEmail: "a@b.kz", key: "mine" } as never)),
    ).toMatchObject({ _form: { key: "unknownField" } });
  });
});
