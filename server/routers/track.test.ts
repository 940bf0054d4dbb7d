import type { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { stateBodies } from "@/db/schema";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { fieldErrorsOf } from "../validation";

describe("following an appeal without an account", () => {
  const db = useTestDatabase();

  it("is open to anyone who holds the number and the code, and to no one else", async () => {
    const [body] = await db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-astana"));
    const operator = await createActor(db(), "operator");
    const form = new FormData();
    for (const [name, value] of Object.entries({
      applicantName: "Марат Ерланұлы",
      address: "Астана, Бейбітшілік 1",
      locale: "ru",
      kind: "proposal",
      category: "other",
      bodyId: body?.id ?? "",
      subject: "A bench in the park",
      text: "Please put benches along the alley in the city park near the school.",
      publishConsent: true,
      consent: true,
      idempotencyKey: crypto.randomUUID(),
    })) {
      form.append(name, String(value));
    }
    const receipt = await callerFor(db(), operator).operator.file(form);
    const visitor = callerFor(db(), null);
    expect(await visitor.track.appeal({ number: receipt.number, code: receipt.accessCode })).toMatchObject({
      number: receipt.number,
      kind: "proposal",
    });

    const citizen = await createActor(db(), "citizen");
    const official = await createActor(db(), "official", { bodyId: body?.id });
    const anotherOfficial = await createActor(db(), "official", {
      bodyId: (await db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-shymkent")))[0]?.id,
    });
    for (const caller of [
      visitor,
      callerFor(db(), citizen),
      callerFor(db(), official),
      callerFor(db(), anotherOfficial),
    ]) {
      await expect(caller.track.appeal({ number: receipt.number, code: "2222222222" })).rejects.toMatchObject(
        {
          code: "NOT_FOUND",
        },
      );
    }
    const fields = await badRequest(visitor.track.appeal({ number: "", code: "" }));
    expect(fields).toEqual({
      number: { key: "required", values: { min: 1 } },
      code: { key: "required", values: { min: 1 } },
    });
  });

  async function badRequest(call: Promise<unknown>) {
    const error = (await call.catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    return fieldErrorsOf(error.cause as ZodError);
  }
});
