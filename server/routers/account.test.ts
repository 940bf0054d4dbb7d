import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { endAllSessions, loadSessionUser, startSession } from "@/server/auth/sessions";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";

describe("account procedures", () => {
  const db = useTestDatabase();
  const valid = {
    fullName: "Әлия Серікқызы",
    email: "aliya@example.kz",
    password: "violet harbour lantern 58",
    locale: "kk" as const,
  };

  it("registers a citizen who can then sign in, unconfirmed until the mailed link is followed", async () => {
    const anonymous = callerFor(db(), null);
    expect(await anonymous.account.register(valid)).toEqual({ status: "check-mail" });
    const started = await startSession(db(), { email: "ALIYA@example.kz", password: valid.password });
    expect(started?.user.role).toBe("citizen");
    expect(started?.user.emailVerifiedAt).toBeNull();
  });

  it("refuses a wrong password and an unknown e-mail alike", async () => {
    expect(await startSession(db(), { email: valid.email, password: "wrong password" })).toBeNull();
    expect(await startSession(db(), { email: "nobody@example.kz", password: valid.password })).toBeNull();
  });

  it("reports each bad field with a catalogue key and never creates the account", async () => {
    const bad = { fullName: "A", email: "not-an-email", password: "short", locale: "kk" as const };
    const error = await callerFor(db(), null)
      .account.register(bad)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(await startSession(db(), { email: "not-an-email", password: "short" })).toBeNull();
  });

  it("refuses fields the form does not have, such as a role", async () => {
    const sneaky = { ...valid, email: "sneaky@example.kz", role: "admin" } as typeof valid;
    await expect(callerFor(db(), null).account.register(sneaky)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("shows a profile only to a signed-in user, and only their own", async () => {
    await expect(callerFor(db(), null).account.profile()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const user = await createActor(db(), "citizen", { fullName: "Own Name" });
    expect((await callerFor(db(), user).account.profile()).fullName).toBe("Own Name");
  });

  it("ends every session of a user at once", async () => {
    const user = await createActor(db(), "moderator");
    expect(await loadSessionUser(db(), user.sessionId)).not.toBeNull();
    await endAllSessions(db(), user.id);
    expect(await loadSessionUser(db(), user.sessionId)).toBeNull();
  });
});
