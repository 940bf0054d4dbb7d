import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { bodyIdOf } from "@/test/official-fixtures";
import { DomainError } from "../errors";
import { fieldErrorsOf } from "../validation";

const TEXT =
  "The bus stop at Abylai Khan Ave has no shelter. My neighbour Serik, +7 701 555 0101, fell there.";
const PHONE = { start: TEXT.indexOf("+7"), end: TEXT.indexOf("+7") + 15 };
const reasons = {
  ground: "personal_data_of_others",
  facts: "A neighbour's phone number is in the text.",
  sourceType: "SOURCE_VOLUNTARY",
} as const;

/** The tRPC code, and the domain's own code where the domain refused. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (!(error instanceof TRPCError)) return `THREW ${String(error)}`;
    return error.cause instanceof DomainError ? `${error.code}/${error.cause.code}` : error.code;
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

describe("moderation procedures", () => {
  const db = useTestDatabase();
  let s: Awaited<ReturnType<typeof setUp>>;

  async function setUp() {
    const astana = await bodyIdOf(db(), "akimat-astana");
    const author = await createActor(db(), "citizen");
    const file = async (publishConsent: boolean) =>
      (
        await fileAppeal(db(), {
          kind: "proposal",
          bodyId: astana,
          category: "roads_transport",
          region: "astana",
          subject: "A shelter for the bus stop",
          text: TEXT,
          publishConsent,
          locale: "en",
          authorId: author.id,
        })
      ).appeal;
    return {
      appeal: await file(true),
      privateAppeal: await file(false),
      author,
      stranger: await createActor(db(), "citizen"),
      official: await createActor(db(), "official", { bodyId: astana }),
      auditor: await createActor(db(), "auditor"),
      moderator: await createActor(db(), "moderator"),
      moderator2: await createActor(db(), "moderator"),
      insider: await createActor(db(), "moderator", { bodyId: astana }),
    };
  }
  beforeAll(async () => {
    s = await setUp();
  });

  // Every moderator's procedure with input valid for the appeal, so only the caller decides the outcome.
  const moderatorCalls = (caller: ReturnType<typeof callerFor>) => {
    const appealId = s.appeal.id;
    return {
      queue: () => caller.moderation.queue(),
      find: () => caller.moderation.find({ number: s.appeal.number }),
      get: () => caller.moderation.get({ appealId }),
      decide: () =>
        caller.moderation.decide({ appealId, decision: "publish_redacted", redactions: [PHONE], ...reasons }),
      decideContest: () => caller.moderation.decideContest({ appealId, outcome: "reversed", ...reasons }),
    };
  };
  const citizenCalls = (caller: ReturnType<typeof callerFor>) => ({
    publication: () => caller.moderation.publication({ appealId: s.appeal.id }),
    contest: () =>
      caller.moderation.contest({ appealId: s.appeal.id, reason: "The number is the akimat's hotline." }),
  });

  it("refuses everything to an anonymous caller, and the moderator's work to citizens, officials and auditors", async () => {
    const anonymous = callerFor(db(), null);
    for (const [name, call] of Object.entries({ ...moderatorCalls(anonymous), ...citizenCalls(anonymous) }))
      expect(await outcome(call()), name).toBe("UNAUTHORIZED");
    for (const user of [s.author, s.stranger, s.official, s.auditor]) {
      for (const [name, call] of Object.entries(moderatorCalls(callerFor(db(), user))))
        expect(await outcome(call()), `${user.role} ${name}`).toBe("FORBIDDEN");
    }
    for (const user of [s.official, s.auditor, s.moderator]) {
      for (const [name, call] of Object.entries(citizenCalls(callerFor(db(), user))))
        expect(await outcome(call()), `${user.role} ${name}`).toBe("FORBIDDEN");
    }
  });

  it("keeps a moderator who works in the appeal's body out of it on every path", async () => {
    const caller = callerFor(db(), s.insider);
    // Deciding a contest is refused to them too, once there is one (see below).
    const { queue, decideContest: _, ...onTheAppeal } = moderatorCalls(caller);
    for (const [name, call] of Object.entries(onTheAppeal))
      expect(await outcome(call()), name).toBe("FORBIDDEN/CONFLICT_OF_INTEREST");
    expect((await queue()).pending.map((p) => p.appealId)).not.toContain(s.appeal.id);
  });

  it("shows a moderator the text to decide on, never the applicant's contacts, and nothing of a private appeal", async () => {
    const caller = callerFor(db(), s.moderator);
    const view = await caller.moderation.get({ appealId: s.appeal.id });
    expect(view.appeal.text).toBe(TEXT);
    expect(view.decisions).toEqual(["publish", "publish_redacted", "decline"]);
    const shown = JSON.stringify(view);
    expect(shown).not.toContain(s.author.email);
    expect(shown).not.toContain(s.author.fullName);
    expect(shown).not.toContain(s.author.id);
    expect(await outcome(caller.moderation.get({ appealId: s.privateAppeal.id }))).toBe(
      "NOT_FOUND/NOT_FOUND",
    );
    expect(await outcome(caller.moderation.find({ number: s.privateAppeal.number }))).toBe(
      "NOT_FOUND/NOT_FOUND",
    );
  });

  it("refuses bad input with a message per field", async () => {
    const caller = callerFor(db(), s.moderator);
    const appealId = s.appeal.id;
    expect(
      await fieldErrors(
        caller.moderation.decide({
          appealId,
          decision: "hide",
          ground: "personal_data_of_others",
          facts: "short",
          sourceType: "SOURCE_STATE_BODY",
        }),
      ),
    ).toEqual({ facts: "tooShort", sourceIdentity: "required" });
    expect(
      await fieldErrors(
        caller.moderation.decide({ appealId, decision: "publish_redacted", redactions: [], ...reasons }),
      ),
    ).toEqual({ redactions: "required" });
    expect(
      await fieldErrors(
        // @ts-expect-error: no outcome chosen, and a ground the form never offers
        caller.moderation.decideContest({ appealId, ...reasons, ground: "criticism" }),
      ),
    ).toEqual({ outcome: "required", ground: "invalid" });
    expect(
      await fieldErrors(callerFor(db(), s.author).moderation.contest({ appealId, reason: "no" })),
    ).toEqual({ reason: "tooShort" });
  });

  it("lets only the author contest, once, and only another moderator decide the contest", async () => {
    const moderator = callerFor(db(), s.moderator);
    const { seq } = await moderator.moderation.decide({
      appealId: s.appeal.id,
      decision: "publish_redacted",
      redactions: [PHONE],
      ...reasons,
    });
    const stranger = citizenCalls(callerFor(db(), s.stranger));
    expect(await outcome(stranger.publication())).toBe("NOT_FOUND/NOT_FOUND");
    expect(await outcome(stranger.contest())).toBe("NOT_FOUND/NOT_FOUND");

    const author = callerFor(db(), s.author);
    expect(await author.moderation.publication({ appealId: s.appeal.id })).toMatchObject({
      visibility: "published_redacted",
      redactions: 1,
      decision: { seq, action: "publish_redacted", statement: { tyndau_ground: "personal_data_of_others" } },
      contest: null,
      canContest: true,
    });
    expect(await author.moderation.publication({ appealId: s.privateAppeal.id })).toBeNull();
    expect(await citizenCalls(author).contest()).toEqual({ contestedSeq: seq });
    expect(await outcome(citizenCalls(author).contest())).toBe("CONFLICT/ALREADY_CONTESTED");

    expect(await outcome(moderatorCalls(moderator).decideContest())).toBe("FORBIDDEN/SAME_MODERATOR");
    expect(await outcome(moderatorCalls(callerFor(db(), s.insider)).decideContest())).toBe(
      "FORBIDDEN/CONFLICT_OF_INTEREST",
    );
    const second = callerFor(db(), s.moderator2);
    expect((await second.moderation.queue()).contests.map((c) => c.appealId)).toEqual([s.appeal.id]);
    const reversal = await second.moderation.decideContest({
      appealId: s.appeal.id,
      outcome: "reversed",
      ...reasons,
      facts: "The number is the akimat's public hotline.",
    });
    expect(await author.moderation.publication({ appealId: s.appeal.id })).toMatchObject({
      visibility: "published",
      decision: { seq: reversal.seq, action: "contest_reversed" },
      contest: { status: "reversed", contested: { seq }, outcome: { seq: reversal.seq } },
      canContest: false,
    });
  });

  it("opens the log, its figures and its checkpoint to anyone", async () => {
    const anonymous = callerFor(db(), null);
    const page = await anonymous.moderation.log({});
    expect(page.entries.map((e) => e.content.action)).toEqual(["contest_reversed", "publish_redacted"]);
    expect(page.entries[1]?.contest).toEqual({ status: "reversed", decidedSeq: page.entries[0]?.seq });
    expect(JSON.stringify(page)).not.toContain("555 0101");
    expect((await anonymous.moderation.figures()).totalActions).toBe(2);
    expect(await anonymous.moderation.checkpoint()).toMatchObject({ treeSize: 2 });
  });
});
