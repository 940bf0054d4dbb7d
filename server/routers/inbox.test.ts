import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { bodyIdOf, fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { fieldErrorsOf } from "../validation";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");

function answerForm(appealId: string, overrides: Record<string, string> = {}, files: File[] = []) {
  const form = new FormData();
  const fields = {
    appealId,
    decision: "satisfied",
    text: "Hot water was restored on 12 November after the pipe on Abai Ave was replaced.",
    legalGrounds: "APPC Art. 76",
    appealRights: "You may complain to the Government or to court (APPC Art. 91).",
    ...overrides,
  };
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const f of files) form.append("attachments", f);
  return form;
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `THREW ${String(error)}`;
  }
}

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  const cause = (error as TRPCError).cause;
  expect(cause).toBeInstanceOf(ZodError);
  return Object.fromEntries(Object.entries(fieldErrorsOf(cause as ZodError)).map(([k, v]) => [k, v.key]));
}

describe("inbox procedures", () => {
  const db = useTestDatabase();
  let s: Awaited<ReturnType<typeof setUp>>;

  async function setUp() {
    const holder = await officialOf(db(), "akimat-almaty-city");
    const other = await officialOf(db(), "akimat-astana");
    const supervisor = await officialOf(db(), "government");
    const author = await createActor(db(), "citizen");
    const stranger = await createActor(db(), "citizen");
    const appeal = await fileTestAppeal(db(), { filedAt: new Date(), authorId: author.id });
    return {
      holder,
      other,
      supervisor,
      author,
      stranger,
      appeal,
      target: await bodyIdOf(db(), "akimat-shymkent"),
    };
  }
  beforeAll(async () => {
    s = await setUp();
  });

  // Every procedure with input that is valid for the appeal, so only the caller decides the outcome.
  const calls = (caller: ReturnType<typeof callerFor>) => {
    const appealId = s.appeal.id;
    return {
      list: () => caller.inbox.list({ tab: "new", bodyId: s.holder.acting.bodyId }),
      appeal: () => caller.inbox.appeal({ appealId }),
      assign: () => caller.inbox.assign({ appealId, executorId: s.holder.user.id }),
      requestClarification: () =>
        caller.inbox.requestClarification({ appealId, question: "Which entrance of the block is it?" }),
      forward: () =>
        caller.inbox.forward({
          appealId,
          toBodyId: s.target,
          reason: "Outside the competence of this akimat.",
        }),
      extend: () =>
        caller.inbox.extend({
          appealId,
          newDueOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
          reason: "An inspection of the heating network is needed first.",
          decidedBy: "Deputy akim A. Akimov",
        }),
      answer: () => caller.inbox.answer(answerForm(appealId)),
      close: () => caller.inbox.close({ appealId }),
    };
  };

  it("answers an anonymous caller UNAUTHORIZED and a citizen, even the author, FORBIDDEN", async () => {
    for (const [user, code] of [
      [null, "UNAUTHORIZED"],
      [s.author, "FORBIDDEN"],
      [s.stranger, "FORBIDDEN"],
    ] as const) {
      const caller = callerFor(db(), user);
      for (const [name, call] of Object.entries(calls(caller)))
        expect(await outcome(call()), name).toBe(code);
      expect(await outcome(caller.inbox.executors())).toBe(code);
      expect(await outcome(caller.inbox.bodies())).toBe(code);
    }
  });

  it("shows an official of another body nothing of the appeal and lets them do nothing to it", async () => {
    const caller = callerFor(db(), s.other.user);
    for (const [name, call] of Object.entries(calls(caller)))
      expect(await outcome(call()), name).toBe("NOT_FOUND");
    expect((await caller.inbox.list({ tab: "new" })).items).toEqual([]);
    expect((await caller.inbox.executors()).map((e) => e.id)).toEqual([s.other.user.id]);
  });

  it("lets a supervisor read the subordinate body's inbox and appeal but act on nothing", async () => {
    const caller = callerFor(db(), s.supervisor.user);
    const { list, appeal, ...actions } = calls(caller);
    expect((await list()).items.map((i) => i.id)).toEqual([s.appeal.id]);
    expect((await appeal()).canAct).toBe(false);
    for (const [name, call] of Object.entries(actions)) expect(await outcome(call()), name).toBe("NOT_FOUND");
  });

  it("refuses bad input with a catalogue key per field", async () => {
    const caller = callerFor(db(), s.holder.user);
    const appealId = s.appeal.id;
    expect(await fieldErrors(caller.inbox.list({ tab: "all" as "new" }))).toEqual({ tab: "invalid" });
    expect(
      await fieldErrors(caller.inbox.list({ tab: "new", sort: "subject" } as unknown as { tab: "new" })),
    ).toEqual({ _form: "unknownField" });
    expect(await fieldErrors(caller.inbox.list({ tab: "new", cursor: "'; drop table appeals" }))).toEqual({
      cursor: "format",
    });
    expect(await fieldErrors(caller.inbox.forward({ appealId, toBodyId: s.target, reason: "" }))).toEqual({
      reason: "tooShort",
    });
    expect(await fieldErrors(caller.inbox.requestClarification({ appealId, question: "Why?" }))).toEqual({
      question: "tooShort",
    });
    expect(
      await fieldErrors(
        caller.inbox.extend({ appealId, newDueOn: "31.12.2026", reason: "Too short", decidedBy: "" }),
      ),
    ).toEqual({ newDueOn: "format", reason: "tooShort", decidedBy: "tooShort" });
    expect(
      await fieldErrors(
        caller.inbox.answer(
          answerForm(appealId, { decision: "maybe", legalGrounds: "", appealRights: "Complain." }),
        ),
      ),
    ).toEqual({ decision: "invalid", legalGrounds: "required", appealRights: "tooShort" });
    expect(
      await fieldErrors(caller.inbox.answer(answerForm(appealId, { executorId: s.holder.user.id }))),
    ).toEqual({
      _form: "unknownField",
    });
    const html = new File(["<html></html>"], "answer.pdf", { type: "application/pdf" });
    expect(await fieldErrors(caller.inbox.answer(answerForm(appealId, {}, [html])))).toEqual({
      "attachments.0": "fileType",
    });
  });

  it("lets the body holding the appeal answer it with a file through the multipart form", async () => {
    const caller = callerFor(db(), s.holder.user);
    const pdf = new File([PDF], "act.pdf", { type: "application/pdf" });
    const answered = await caller.inbox.answer(answerForm(s.appeal.id, {}, [pdf]));
    expect(answered.status).toBe("answered");
    expect(Object.keys(answered).sort()).toEqual(["dueAt", "id", "status"]);
    const detail = await caller.inbox.appeal({ appealId: s.appeal.id });
    expect(detail.attachments.map((f) => f.fileName)).toEqual(["act.pdf"]);
    expect(detail.answer?.decision).toBe("satisfied");
  });
});
