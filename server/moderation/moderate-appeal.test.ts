import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealPublications, appeals, mailMessages, stateBodies } from "@/db/schema";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { listInbox } from "@/server/appeals/list-inbox";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { contestDecision } from "./contest-decision";
import { decideContest } from "./decide-contest";
import { moderateAppeal } from "./moderate-appeal";

const TEXT =
  "The bus stop at Abylai Khan Ave has no shelter. My neighbour Serik, +7 701 555 0101, fell there.";
const PHONE = { start: TEXT.indexOf("+7"), end: TEXT.indexOf("+7") + 15 };
const personalData = {
  ground: "personal_data_of_others" as const,
  facts: "A neighbour's phone number",
  sourceType: "SOURCE_VOLUNTARY" as const,
};

describe("moderating a public appeal", () => {
  const db = useTestDatabase();
  const body = async (code: string) => {
    const [found] = await db().select().from(stateBodies).where(eq(stateBodies.code, code));
    if (!found) throw new Error(`no body ${code} in the seed`);
    return found;
  };

  async function publicAppeal() {
    const citizen = await createActor(db(), "citizen");
    const astana = await body("akimat-astana");
    const { appeal } = await fileAppeal(db(), {
      kind: "proposal",
      bodyId: astana.id,
      category: "roads_transport",
      region: "astana",
      subject: "A shelter for the bus stop",
      text: TEXT,
      publishConsent: true,
      locale: "en",
      authorId: citizen.id,
    });
    return { appeal, citizen, astana };
  }
  const visibility = async (id: string) =>
    (await db().select().from(appealPublications).where(eq(appealPublications.appealId, id)))[0];

  it("declining publication changes neither delivery nor deadline: the body's inbox still has it, due the same day", async () => {
    const { appeal, astana } = await publicAppeal();
    const moderator = await createActor(db(), "moderator");
    await moderateAppeal(db(), {
      appealId: appeal.id,
      moderator,
      decision: "decline",
      statement: { ...personalData, ground: "not_an_appeal", facts: "An advert" },
    });
    expect((await visibility(appeal.id))?.visibility).toBe("declined");
    const [after] = await db().select().from(appeals).where(eq(appeals.id, appeal.id));
    expect(after?.status).toBe("registered");
    expect(after?.dueAt.toISOString()).toBe(appeal.dueAt.toISOString());
    const official = await createActor(db(), "official", { bodyId: astana.id });
    const inbox = await listInbox(db(), { viewer: official, tab: "new" });
    const listed = inbox.items.find((i: { id: string }) => i.id === appeal.id) as { dueAt: Date } | undefined;
    expect(listed?.dueAt.toISOString()).toBe(appeal.dueAt.toISOString());
  });

  it("redacts with a statement, tells the citizen at once, and refuses a redaction without reasons", async () => {
    const { appeal } = await publicAppeal();
    const moderator = await createActor(db(), "moderator");
    await expect(
      moderateAppeal(db(), {
        appealId: appeal.id,
        moderator,
        decision: "publish_redacted",
        redactions: [PHONE],
      }),
    ).rejects.toMatchObject({ code: "STATEMENT_REQUIRED" });
    await expect(
      moderateAppeal(db(), {
        appealId: appeal.id,
        moderator,
        decision: "publish_redacted",
        redactions: [{ start: 5, end: 500 }],
        statement: personalData,
      }),
    ).rejects.toMatchObject({ code: "BAD_REDACTION" });
    const entry = await moderateAppeal(db(), {
      appealId: appeal.id,
      moderator,
      decision: "publish_redacted",
      redactions: [PHONE],
      statement: personalData,
    });
    expect(entry.content.statement).toMatchObject({
      decision_visibility: "DECISION_VISIBILITY_CONTENT_LABELLED",
      decision_ground: "DECISION_GROUND_ILLEGAL_CONTENT",
      category: "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
      puid: appeal.number,
      automated_decision: "AUTOMATED_DECISION_NOT_AUTOMATED",
    });
    expect((await visibility(appeal.id))?.redactions).toEqual([PHONE]);
    const mail = await db().select().from(mailMessages).where(eq(mailMessages.appealId, appeal.id));
    expect(mail.map((m) => m.subject)).toContain(
      `Publication of appeal ${appeal.number}: published with parts redacted`,
    );
  });

  it("keeps a moderator away from appeals to their own body", async () => {
    const { appeal, astana } = await publicAppeal();
    const insider = await createActor(db(), "moderator", { bodyId: astana.id });
    await expect(
      moderateAppeal(db(), { appealId: appeal.id, moderator: insider, decision: "publish" }),
    ).rejects.toMatchObject({
      code: "CONFLICT_OF_INTEREST",
    });
  });

  it("lets the citizen contest once, and only another moderator decide; a reversal publishes as submitted", async () => {
    const { appeal, citizen } = await publicAppeal();
    const first = await createActor(db(), "moderator");
    const second = await createActor(db(), "moderator");
    await moderateAppeal(db(), {
      appealId: appeal.id,
      moderator: first,
      decision: "publish_redacted",
      redactions: [PHONE],
      statement: personalData,
    });
    const stranger = await createActor(db(), "citizen");
    await expect(
      contestDecision(db(), { appealId: appeal.id, citizenId: stranger.id, reason: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await contestDecision(db(), {
      appealId: appeal.id,
      citizenId: citizen.id,
      reason: "The number is the akimat's hotline, not a person's.",
    });
    await expect(
      contestDecision(db(), { appealId: appeal.id, citizenId: citizen.id, reason: "again" }),
    ).rejects.toMatchObject({
      code: "ALREADY_CONTESTED",
    });
    const reversal = {
      ground: "personal_data_of_others" as const,
      facts: "The number is a public hotline",
      sourceType: "SOURCE_VOLUNTARY" as const,
    };
    await expect(
      decideContest(db(), {
        appealId: appeal.id,
        moderator: first,
        outcome: "reversed",
        statement: reversal,
      }),
    ).rejects.toMatchObject({
      code: "SAME_MODERATOR",
    });
    const entry = await decideContest(db(), {
      appealId: appeal.id,
      moderator: second,
      outcome: "reversed",
      statement: reversal,
    });
    expect(entry.content).toMatchObject({
      action: "contest_reversed",
      contest: { of: entry.seq - 1, reason_given: true },
    });
    expect(await visibility(appeal.id)).toMatchObject({ visibility: "published", redactions: [] });
  });
});
