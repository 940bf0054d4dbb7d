import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { smsMessages } from "@/db/schema";
import { endAllSessions, loadSessionUser, startSession } from "@/server/auth/sessions";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { fileTestAppeal } from "@/test/official-fixtures";

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

  it("takes a citizen's phone for SMS only with the code sent to it, and then texts their notices there", async () => {
    const citizen = await createActor(db(), "citizen");
    const { account } = callerFor(db(), citizen);
    const badPhone = await account.sendPhoneCode({ phone: "12345", locale: "en" }).catch((e: unknown) => e);
    expect(badPhone).toMatchObject({ code: "BAD_REQUEST" });
    const { verificationId } = await account.sendPhoneCode({ phone: "8 701 555 00 41", locale: "en" });
    const texts = () => db().select().from(smsMessages).where(eq(smsMessages.to, "+77015550041"));
    const code = (await texts())[0]?.text.match(/\d{6}/)?.[0] ?? "";
    const confirmation = { verificationId, phone: "+7 701 555 00 41" };
    await expect(account.confirmPhone({ ...confirmation, code: "12ab" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      account.confirmPhone({ ...confirmation, code: code === "000000" ? "111111" : "000000" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "BAD_CODE" });
    expect((await account.profile()).smsPhone).toBeNull();
    // Another citizen cannot use the code sent at this one's request.
    const other = callerFor(db(), await createActor(db(), "citizen"));
    await expect(other.account.confirmPhone({ ...confirmation, code })).rejects.toMatchObject({
      message: "BAD_CODE",
    });

    await account.confirmPhone({ ...confirmation, code });
    expect((await account.profile()).smsPhone).toBe("+77015550041");
    const appeal = await fileTestAppeal(db(), { filedAt: new Date(), authorId: citizen.id });
    expect((await texts()).map((m) => m.text)).toContainEqual(
      expect.stringContaining(`Tyndau: your appeal ${appeal.number} is registered.`),
    );

    await account.removePhone();
    expect((await account.profile()).smsPhone).toBeNull();
    await fileTestAppeal(db(), { filedAt: new Date(), authorId: citizen.id });
    expect(await texts()).toHaveLength(2);
  });
});
