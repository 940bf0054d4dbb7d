import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealPublications } from "@/db/schema";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty, bodyIdOf } from "@/test/official-fixtures";
import { contestDecision } from "./contest-decision";
import { listModerationQueue } from "./list-moderation-queue";
import { moderateAppeal } from "./moderate-appeal";

const reasons = {
  ground: "personal_data_of_others" as const,
  facts: "A neighbour's phone number",
  sourceType: "SOURCE_VOLUNTARY" as const,
};

describe("the moderator's queue", () => {
  const db = useTestDatabase();

  async function submitted(o: { bodyCode: string; at: Date; publish?: boolean; subject: string }) {
    const author = await createActor(db(), "citizen");
    const { appeal } = await fileAppeal(db(), {
      kind: "proposal",
      bodyId: await bodyIdOf(db(), o.bodyCode),
      category: "roads_transport",
      region: null,
      subject: o.subject,
      text: "The crossing at school No. 12 needs a traffic light; call me on +7 701 000 0000.",
      publishConsent: o.publish ?? true,
      locale: "en",
      authorId: author.id,
    });
    // Only the submission time changes, which the guard on visibility lets through.
    await db()
      .update(appealPublications)
      .set({ submittedAt: o.at })
      .where(eq(appealPublications.appealId, appeal.id));
    return { appeal, author };
  }

  it("lists pending publications oldest first, never an appeal to the moderator's own body, nor a private one", async () => {
    const astana = await bodyIdOf(db(), "akimat-astana");
    const newest = await submitted({
      bodyCode: "akimat-almaty-city",
      at: almaty("2026-03-02T11:00:00"),
      subject: "Newest",
    });
    await submitted({
      bodyCode: "akimat-astana",
      at: almaty("2026-03-02T10:00:00"),
      subject: "To Astana",
    });
    const oldest = await submitted({
      bodyCode: "akimat-shymkent",
      at: almaty("2026-03-02T09:00:00"),
      subject: "Oldest",
    });
    await submitted({
      bodyCode: "akimat-shymkent",
      at: almaty("2026-03-02T08:00:00"),
      subject: "Private",
      publish: false,
    });
    const neutral = await createActor(db(), "moderator");
    const insider = await createActor(db(), "moderator", { bodyId: astana });

    const all = await listModerationQueue(db(), { moderator: neutral });
    expect(all.pending.map((p) => p.subject)).toEqual(["Oldest", "To Astana", "Newest"]);
    expect(all.pendingTotal).toBe(3);
    expect(all.pending[0]).toMatchObject({
      number: oldest.appeal.number,
      body: { nameEn: "Akimat of Shymkent" },
    });
    // The queue says what to read, not who wrote it.
    expect(Object.keys(all.pending[0] ?? {}).sort()).toEqual(
      ["appealId", "body", "category", "kind", "number", "subject", "submittedAt"].sort(),
    );

    const theirs = await listModerationQueue(db(), { moderator: insider });
    expect(theirs.pending.map((p) => p.appealId)).toEqual([oldest.appeal.id, newest.appeal.id]);
    expect(theirs.pendingTotal).toBe(2);

    await moderateAppeal(db(), { appealId: oldest.appeal.id, moderator: neutral, decision: "publish" });
    expect((await listModerationQueue(db(), { moderator: neutral })).pending.map((p) => p.subject)).toEqual([
      "To Astana",
      "Newest",
    ]);
  });

  it("offers an open contest to every moderator but the one whose decision is contested and insiders", async () => {
    const astana = await bodyIdOf(db(), "akimat-astana");
    const { appeal, author } = await submitted({
      bodyCode: "akimat-astana",
      at: almaty("2026-03-03T09:00:00"),
      subject: "Contested",
    });
    const decider = await createActor(db(), "moderator");
    const other = await createActor(db(), "moderator");
    const insider = await createActor(db(), "moderator", { bodyId: astana });
    const entry = await moderateAppeal(db(), {
      appealId: appeal.id,
      moderator: decider,
      decision: "decline",
      statement: reasons,
    });
    expect((await listModerationQueue(db(), { moderator: other })).contests).toEqual([]);
    await contestDecision(db(), {
      appealId: appeal.id,
      citizenId: author.id,
      reason: "There is no phone number of anyone else in it.",
    });

    const forOther = await listModerationQueue(db(), { moderator: other });
    expect(forOther.contests).toMatchObject([
      {
        appealId: appeal.id,
        number: appeal.number,
        contestedSeq: entry.seq,
        contestedAction: "decline",
        reason: "There is no phone number of anyone else in it.",
      },
    ]);
    expect((await listModerationQueue(db(), { moderator: decider })).contests).toEqual([]);
    expect((await listModerationQueue(db(), { moderator: insider })).contests).toEqual([]);
  });
});
