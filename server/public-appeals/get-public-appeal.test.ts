import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealPublications, attachments } from "@/db/schema";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { rateAnswer } from "@/server/appeals/rate-answer";
import { contestDecision } from "@/server/moderation/contest-decision";
import { decideContest } from "@/server/moderation/decide-contest";
import { moderateAppeal } from "@/server/moderation/moderate-appeal";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { filePublicAppeal, statementOf } from "@/test/public-appeal-fixtures";
import { getPublicAppeal } from "./get-public-appeal";
import { supportAppeal } from "./support-appeal";

const TEXT =
  "Our street lights have been off for a month; my neighbour Marat, +7 701 555 0101, saw the cable cut.";

describe("reading one public appeal", () => {
  const db = useTestDatabase();

  it("shows the public fields and nothing of the applicant, the officials or the files", async () => {
    const author = await createActor(db(), "citizen", { fullName: "Айгерім Нұрланқызы Сәрсенбаева" });
    const { appeal, moderator } = await filePublicAppeal(db(), {
      state: "published_redacted",
      author,
      text: TEXT,
      redact: ["Marat, +7 701 555 0101"],
      subject: "Street lights off on Kenesary St",
      applicant: {
        name: "Айгерім Нұрланқызы Сәрсенбаева",
        email: "aigerim@example.kz",
        phone: "+7 777 123 45 67",
        address: "Астана, Кенесары 40, кв. 12",
      },
    });
    await db()
      .insert(attachments)
      .values({
        appealId: appeal.id,
        fileName: "photo-of-aigerim.png",
        mimeType: "image/png",
        size: 3,
        sha256: "0".repeat(64),
        content: Buffer.from("png"),
      });
    const { acting, user: official } = await officialOf(db(), "akimat-astana", "Ерлан Серікұлы Жұмабеков");
    await answerAppeal(db(), {
      appealId: appeal.id,
      decision: "satisfied",
      text: "Құрметті Айгерім Нұрланқызы! The cable has been replaced and the lights work again, Сәрсенбаевой сообщаем.",
      legalGrounds: "Rules for the maintenance of street lighting, para. 7.",
      appealRights: "Айгерім may complain to the superior body or to court under the APPC.",
      official: acting,
    });
    await moderateAppeal(db(), { appealId: appeal.id, moderator, decision: "publish_answer" });
    await rateAnswer(db(), {
      appealId: appeal.id,
      citizenId: author.id,
      outcome: "resolved",
      quality: 5,
      heard: true,
    });
    await supportAppeal(db(), { number: appeal.number, citizenId: (await createActor(db(), "citizen")).id });

    const page = await getPublicAppeal(db(), { number: appeal.number });
    if (page.hidden) throw new Error("expected a public appeal");
    expect(page.appeal).toMatchObject({
      number: appeal.number,
      kind: "proposal",
      category: "housing_utilities",
      region: "astana",
      status: "answered",
      overdue: false,
      subject: [{ text: "Street lights off on Kenesary St" }],
      segments: [
        { text: "Our street lights have been off for a month; my neighbour " },
        { redacted: true },
        { text: ", saw the cable cut." },
      ],
      body: { nameEn: "Akimat of Astana" },
      rating: { outcome: "resolved", quality: 5, heard: true },
      supportCount: 1,
      moderation: [{ action: "publish_redacted" }, { action: "publish_answer" }],
    });
    expect(page.appeal.answer?.decision).toBe("satisfied");
    expect(page.appeal.answer?.text).toEqual([
      { text: "Құрметті " },
      { name: true },
      { text: "! The cable has been replaced and the lights work again, " },
      { name: true },
      { text: " сообщаем." },
    ]);
    expect(page.viewer).toBeNull();
    const json = JSON.stringify(page);
    for (const secret of [
      "Айгерім",
      "Сәрсенбаев",
      "aigerim@example.kz",
      "123 45 67",
      "Кенесары 40",
      "photo-of-aigerim",
      "Marat",
      "0101",
      "Жұмабеков",
      official.id,
      moderator.id,
      author.id,
      appeal.id,
    ]) {
      expect(json).not.toContain(secret);
    }
  });

  it("tells a signed-in citizen whether they may support it, and its author that it is theirs", async () => {
    const { appeal, author } = await filePublicAppeal(db(), { state: "published" });
    const other = await createActor(db(), "citizen");
    const moderator = await createActor(db(), "moderator");
    const as = async (viewer: typeof other) => {
      const page = await getPublicAppeal(db(), { number: appeal.number, viewer });
      return page.hidden ? null : page.viewer;
    };
    expect(await as(other)).toEqual({ own: false, supported: false, canSupport: true });
    expect(await as(author)).toEqual({ own: true, supported: false, canSupport: false });
    expect(await as(moderator)).toEqual({ own: false, supported: false, canSupport: false });
    await supportAppeal(db(), { number: appeal.number, citizenId: other.id });
    expect(await as(other)).toEqual({ own: false, supported: true, canSupport: false });
  });

  it("is not there while pending, when declined, or when the number is unknown", async () => {
    for (const state of ["pending", "declined"] as const) {
      const { appeal } = await filePublicAppeal(db(), { state });
      await expect(getPublicAppeal(db(), { number: appeal.number })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(getPublicAppeal(db(), { number: "ЖТ-1999-000001" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("is not there without the author's consent, even though the appeal exists", async () => {
    const { appeal } = await filePublicAppeal(db(), { state: "published" });
    const citizen = await createActor(db(), "citizen");
    const unpublished = await fileTestAppeal(db(), {
      authorId: citizen.id,
      filedAt: almaty("2026-03-02T10:00:00"),
    });
    expect(
      (await db().select().from(appealPublications).where(eq(appealPublications.appealId, unpublished.id)))
        .length,
    ).toBe(0);
    await expect(getPublicAppeal(db(), { number: unpublished.number })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await getPublicAppeal(db(), { number: appeal.number })).hidden).toBe(false);
  });

  it("becomes a tombstone once hidden: when, why, the log entry, and nothing of the content", async () => {
    const { appeal, hiddenEntry } = await filePublicAppeal(db(), {
      state: "hidden",
      subject: "A secret subject",
      text: "A text that must not show once hidden, about the akimat's tender.",
    });
    if (!hiddenEntry) throw new Error("expected the hide entry");
    const page = await getPublicAppeal(db(), { number: appeal.number });
    expect(page).toEqual({
      hidden: true,
      number: appeal.number,
      hiddenOn: new Date(hiddenEntry.content.time),
      ground: "threats",
      logSeq: hiddenEntry.seq,
    });
    expect(JSON.stringify(page)).not.toMatch(/secret|tender/);
  });

  it("keeps the tombstone when a contest of the hiding is upheld, and shows the appeal again once restored", async () => {
    const { appeal, author, moderator, hiddenEntry } = await filePublicAppeal(db(), { state: "hidden" });
    await contestDecision(db(), {
      appealId: appeal.id,
      citizenId: author.id,
      reason: "Nothing threatening here.",
    });
    const second = await createActor(db(), "moderator");
    await decideContest(db(), {
      appealId: appeal.id,
      moderator: second,
      outcome: "upheld",
      statement: statementOf("threats", "The last sentence threatens a named official"),
    });
    expect(await getPublicAppeal(db(), { number: appeal.number })).toMatchObject({
      hidden: true,
      logSeq: hiddenEntry?.seq,
      ground: "threats",
    });
    const restored = await moderateAppeal(db(), {
      appealId: appeal.id,
      moderator,
      decision: "restore",
      statement: statementOf("threats", "Restored after the official withdrew the request"),
    });
    const page = await getPublicAppeal(db(), { number: appeal.number });
    expect(page.hidden).toBe(false);
    if (!page.hidden) {
      expect(page.appeal.moderation.map((e) => e.action)).toEqual([
        "publish",
        "hide",
        "contest_upheld",
        "restore",
      ]);
      expect(page.appeal.moderation.at(-1)?.seq).toBe(restored.seq);
    }
  });
});
