import type { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { accountTokens, appealSupports, mailMessages, users } from "@/db/schema";
import { loadSessionUser, startSession } from "@/server/auth/sessions";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";
import { fieldErrorsOf } from "../validation";
import { passwordProblem } from "./password-policy";

const PASSWORD = "violet harbour lantern 58";

describe("accounts against a determined outsider", () => {
  const db = useTestDatabase();
  const anonymous = () => callerFor(db(), null);
  const mailsTo = (to: string) =>
    db().select().from(mailMessages).where(eq(mailMessages.to, to)).orderBy(mailMessages.createdAt);
  const linkIn = (text: string, page: string) => {
    const found = new RegExp(`/${page}\\?token=([\\w-]+)`).exec(text);
    if (!found?.[1]) throw new Error(`no ${page} link in: ${text}`);
    return found[1];
  };
  const register = (email: string, o: { fullName?: string; password?: string } = {}) =>
    anonymous().account.register({
      fullName: o.fullName ?? "Әлия Серікқызы",
      email,
      password: o.password ?? PASSWORD,
      locale: "en",
    });

  it("answers a taken e-mail exactly as a new one, and mails the owner instead of telling the caller", async () => {
    const owner = await createActor(db(), "citizen", { fullName: "Owner" });
    const before = await db().select().from(users).where(eq(users.id, owner.id));
    const fresh = await register("fresh-person@example.kz");
    const taken = await register(owner.email.toUpperCase(), { fullName: "Impostor" });
    expect(taken).toEqual(fresh);
    // The owner's account is untouched; their mailbox learns of the attempt and how to reset.
    expect(await db().select().from(users).where(eq(users.id, owner.id))).toEqual(before);
    const [note] = await mailsTo(owner.email);
    // In the owner's language (Kazakh, the default), not the caller's.
    expect(note?.subject).toBe("Tyndau: біреу сіздің мекенжайыңызбен тіркелмек болды");
    expect(note?.text).toContain("/kk/forgot-password");
    const [confirm] = await mailsTo("fresh-person@example.kz");
    expect(confirm?.subject).toBe("Tyndau: confirm your e-mail address");
  });

  it("lets an unconfirmed account neither file nor support until it follows its link, which works once", async () => {
    const { appeal } = await filePublicAppeal(db(), { state: "published" });
    await register("new-citizen@example.kz");
    const started = await startSession(db(), { email: "new-citizen@example.kz", password: PASSWORD });
    if (!started) throw new Error("not signed in");
    const asNew = async () => {
      const user = await loadSessionUser(db(), started.sessionId);
      if (!user) throw new Error("session lost");
      return callerFor(db(), user);
    };
    expect((await loadSessionUser(db(), started.sessionId))?.emailVerified).toBe(false);
    await expect((await asNew()).publicAppeals.support({ number: appeal.number })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "EMAIL_NOT_VERIFIED",
    });
    await expect((await asNew()).appeal.file(new FormData())).rejects.toMatchObject({
      message: "EMAIL_NOT_VERIFIED",
    });
    const supports = () => db().select().from(appealSupports).where(eq(appealSupports.appealId, appeal.id));
    expect(await supports()).toHaveLength(0);

    const [mail] = await mailsTo("new-citizen@example.kz");
    const token = linkIn(mail?.text ?? "", "verify-email");
    expect(await anonymous().account.verifyEmail({ token })).toEqual({ verified: true });
    await expect(anonymous().account.verifyEmail({ token })).rejects.toMatchObject({ message: "BAD_LINK" });
    expect((await (await asNew()).publicAppeals.support({ number: appeal.number })).supportCount).toBe(1);
  });

  it("refuses short, common and self-describing passwords with a catalogue key on the password field", async () => {
    const identity = { email: "aliya.nurlanovna@mail.kz", fullName: "Алия Нурлановна" };
    expect(passwordProblem("Dm7#kq2!Lp9", identity)).toBe("passwordTooShort");
    expect(passwordProblem("password1234", identity)).toBe("passwordCommon");
    expect(passwordProblem("qwertyuiop123", identity)).toBe("passwordCommon");
    expect(passwordProblem("iloveyou12345", identity)).toBe("passwordCommon");
    expect(passwordProblem("Aliya.Nurlanovna1", identity)).toBe("passwordLikeIdentity");
    expect(passwordProblem("нурлановна 2026!!", identity)).toBe("passwordLikeIdentity");
    expect(passwordProblem(PASSWORD, identity)).toBeNull();
    expect(passwordProblem("сенбі жаңбыр терезе", identity)).toBeNull();

    for (const [password, key] of [
      ["long enough", "tooShort"],
      ["password1234", "passwordCommon"],
      ["aliya.nurlanovna2026", "passwordLikeIdentity"],
    ] as const) {
      const cause = await register("aliya.nurlanovna@mail.kz", {
        fullName: "Алия Нурлановна",
        password,
      }).then(
        () => null,
        (e: unknown) => (e as TRPCError).cause,
      );
      expect(cause).toBeInstanceOf(ZodError);
      expect(fieldErrorsOf(cause as ZodError).password?.key).toBe(key);
    }
    expect(await db().select().from(users).where(eq(users.email, "aliya.nurlanovna@mail.kz"))).toHaveLength(
      0,
    );
  });

  it("resets a password by a link that works once, ends every session and says nothing of unknown e-mails", async () => {
    await register("forgetful@example.kz");
    const first = await startSession(db(), { email: "forgetful@example.kz", password: PASSWORD });
    const second = await startSession(db(), { email: "forgetful@example.kz", password: PASSWORD });
    if (!first || !second) throw new Error("not signed in");

    const unknown = await anonymous().account.requestPasswordReset({ email: "nobody-here@example.kz" });
    const known = await anonymous().account.requestPasswordReset({ email: "Forgetful@example.kz" });
    expect(unknown).toEqual(known);
    expect(await mailsTo("nobody-here@example.kz")).toHaveLength(0);
    const reset = (await mailsTo("forgetful@example.kz")).find(
      (m) => m.subject === "Tyndau: set a new password",
    );
    const token = linkIn(reset?.text ?? "", "reset-password");

    // Checked against the account's own name and e-mail, and left unspent when refused.
    await expect(
      anonymous().account.resetPassword({ token, password: "forgetful example kz" }),
    ).rejects.toMatchObject({ message: "WEAK_PASSWORD" });
    const fresh = "copper meadow violin 73";
    expect(await anonymous().account.resetPassword({ token, password: fresh })).toEqual({ reset: true });
    await expect(
      anonymous().account.resetPassword({ token, password: "another river song 19" }),
    ).rejects.toMatchObject({
      message: "BAD_LINK",
    });
    expect(await loadSessionUser(db(), first.sessionId)).toBeNull();
    expect(await loadSessionUser(db(), second.sessionId)).toBeNull();
    expect(await startSession(db(), { email: "forgetful@example.kz", password: PASSWORD })).toBeNull();
    const after = await startSession(db(), { email: "forgetful@example.kz", password: fresh });
    // Following a link mailed to the address proves it, as the confirmation link would.
    expect(after?.user.emailVerifiedAt).not.toBeNull();
    expect((await mailsTo("forgetful@example.kz")).map((m) => m.subject)).toContain(
      "Tyndau: your password was changed",
    );
  });

  it("refuses a reset link after its 30 minutes", async () => {
    await register("late@example.kz");
    await anonymous().account.requestPasswordReset({ email: "late@example.kz" });
    const reset = (await mailsTo("late@example.kz")).find((m) => m.subject === "Tyndau: set a new password");
    const token = linkIn(reset?.text ?? "", "reset-password");
    const [user] = await db().select().from(users).where(eq(users.email, "late@example.kz"));
    const ofUser = and(eq(accountTokens.userId, user?.id ?? ""), eq(accountTokens.purpose, "reset_password"));
    // Issued for 30 minutes, not more.
    const [row] = await db()
      .select({
        minutes: sql<number>`extract(epoch from ${accountTokens.expiresAt} - ${accountTokens.createdAt}) / 60`,
      })
      .from(accountTokens)
      .where(ofUser);
    expect(Math.round(Number(row?.minutes))).toBe(30);
    // Half an hour later (moved back rather than waited for), the link is refused.
    await db().update(accountTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(ofUser);
    await expect(
      anonymous().account.resetPassword({ token, password: "copper meadow violin 73" }),
    ).rejects.toMatchObject({ message: "BAD_LINK" });
  });
});
