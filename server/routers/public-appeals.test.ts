import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { bodyIdOf } from "@/test/official-fixtures";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";
import { fieldErrorsOf } from "../validation";

describe("the publicAppeals procedures", () => {
  const db = useTestDatabase();

  async function badRequest(call: Promise<unknown>) {
    const error = (await call.catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    return fieldErrorsOf(error.cause as ZodError);
  }

  it("let anyone list and read what is public, and no one, not even the body, read what is not", async () => {
    const published = await filePublicAppeal(db(), { state: "published", region: "pavlodar" });
    const pending = await filePublicAppeal(db(), { state: "pending", region: "pavlodar" });
    const declined = await filePublicAppeal(db(), { state: "declined", region: "pavlodar" });
    const official = await createActor(db(), "official", { bodyId: await bodyIdOf(db(), "akimat-astana") });
    const otherOfficial = await createActor(db(), "official", {
      bodyId: await bodyIdOf(db(), "akimat-shymkent"),
    });
    const callers = [
      callerFor(db(), null),
      callerFor(db(), await createActor(db(), "citizen")),
      callerFor(db(), official),
      callerFor(db(), otherOfficial),
      callerFor(db(), await createActor(db(), "moderator")),
    ];
    for (const caller of callers) {
      const list = await caller.publicAppeals.list({ region: "pavlodar" });
      expect(list.items.map((i) => i.number)).toEqual([published.appeal.number]);
      expect((await caller.publicAppeals.get({ number: published.appeal.number })).hidden).toBe(false);
      for (const absent of [pending, declined]) {
        await expect(caller.publicAppeals.get({ number: absent.appeal.number })).rejects.toMatchObject({
          code: "NOT_FOUND",
        });
      }
    }
    // Even the author reads their unpublished appeal on their own page, not through the public one.
    await expect(
      callerFor(db(), pending.author).publicAppeals.get({ number: pending.appeal.number }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("let only a signed-in citizen support: anonymous UNAUTHORIZED, other roles FORBIDDEN", async () => {
    const { appeal, author } = await filePublicAppeal(db(), { state: "published" });
    const number = appeal.number;
    await expect(callerFor(db(), null).publicAppeals.support({ number })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const official = await createActor(db(), "official", { bodyId: await bodyIdOf(db(), "akimat-astana") });
    for (const role of ["moderator", "operator", "auditor", "admin"] as const) {
      await expect(
        callerFor(db(), await createActor(db(), role)).publicAppeals.support({ number }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(callerFor(db(), official).publicAppeals.support({ number })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(db(), author).publicAppeals.support({ number })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "FORBIDDEN",
    });
    const citizen = callerFor(db(), await createActor(db(), "citizen"));
    expect(await citizen.publicAppeals.support({ number })).toEqual({ supportCount: 1, supported: true });
    const hidden = await filePublicAppeal(db(), { state: "hidden" });
    await expect(citizen.publicAppeals.support({ number: hidden.appeal.number })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuse unknown and malformed input with field errors", async () => {
    const visitor = callerFor(db(), null);
    expect(
      await badRequest(
        visitor.publicAppeals.list({
          region: "atlantis",
          limit: 51,
          from: "03.02.2026",
          author: "x",
        } as never),
      ),
    ).toEqual({
      _form: { key: "unknownField", values: {} },
      region: { key: "invalid", values: {} },
      limit: { key: "tooBig", values: { max: 50 } },
      from: { key: "format", values: {} },
    });
    expect(await badRequest(visitor.publicAppeals.get({ number: "" }))).toEqual({
      number: { key: "required", values: { min: 1 } },
    });
    const citizen = callerFor(db(), await createActor(db(), "citizen"));
    expect(
      await badRequest(citizen.publicAppeals.support({ number: "ЖТ-2026-000001", userId: "x" } as never)),
    ).toEqual({ _form: { key: "unknownField", values: {} } });
  });
});
