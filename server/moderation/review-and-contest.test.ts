import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealPublications, moderationLog } from "@/db/schema";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { bodyIdOf, officialOf } from "@/test/official-fixtures";
import { filePublicAppeal, statementOf } from "@/test/public-appeal-fixtures";
import { latestCheckpoint } from "./checkpoint";
import { contestDecision } from "./contest-decision";
import { decideContest } from "./decide-contest";
import { getAppealForModeration } from "./get-appeal-for-moderation";
import { getPublicationForAuthor } from "./get-publication-for-author";
import { listLogEntries } from "./list-log-entries";
import { listModerationQueue } from "./list-moderation-queue";
import { logFigures } from "./log-figures";
import { loadSigningKey } from "./log-signing-key";
import { moderateAppeal } from "./moderate-appeal";
import { LogEntriesOutput } from "./public-log-schema";
import { verifyLog } from "./verify-log";

const reason = "The phone number is the akimat's public hotline, not mine.";

describe("contests, each decision once, and ending in redactions", () => {
  const db = useTestDatabase();

  it("lets the author contest a new restriction after a reversal, and never a contest's own outcome", async () => {
    const { appeal, author } = await filePublicAppeal(db(), { state: "declined" });
    const first = await createActor(db(), "moderator");
    const second = await createActor(db(), "moderator");
    const contest = () => contestDecision(db(), { appealId: appeal.id, citizenId: author.id, reason });
    await contest();
    await expect(contest()).rejects.toMatchObject({ code: "ALREADY_CONTESTED" });
    // The second moderator reverses; the first one restricts again, and that is a new decision.
    const decline = await db()
      .select({ moderatorId: moderationLog.moderatorId })
      .from(moderationLog)
      .where(eq(moderationLog.appealId, appeal.id));
    const decider = decline[0]?.moderatorId === first.id ? second : first;
    await decideContest(db(), {
      appealId: appeal.id,
      moderator: decider,
      outcome: "reversed",
      statement: statementOf("not_an_appeal"),
    });
    // Published whole: nothing is left to contest.
    await expect(contest()).rejects.toMatchObject({ code: "BAD_TRANSITION" });
    await moderateAppeal(db(), {
      appealId: appeal.id,
      moderator: decider,
      decision: "hide",
      statement: statementOf("threats"),
    });
    expect(
      (await getPublicationForAuthor(db(), { appealId: appeal.id, citizenId: author.id }))?.canContest,
    ).toBe(true);
    const again = await contest();
    expect(again.status).toBe("open");
    const contests = await db().execute<{ n: number }>(
      sql`select count(*)::int as n from moderation_contests where appeal_id = ${appeal.id}`,
    );
    expect(contests[0]?.n).toBe(2);
  });

  it("ends a contest in publication with the deciding moderator's redactions, logged verifiably", async () => {
    const text = "The lift at Abai Ave 10 is broken; my IIN is 880101300172 and my phone +7 701 555 0101.";
    const { appeal, author, moderator } = await filePublicAppeal(db(), {
      state: "declined",
      subject: "Lift broken, call +7 701 555 0101",
      text,
    });
    await contestDecision(db(), { appealId: appeal.id, citizenId: author.id, reason });
    const other = await createActor(db(), "moderator");
    expect(moderator.id).not.toBe(other.id);
    const view = await getAppealForModeration(db(), { appealId: appeal.id, moderator: other });
    // The detector pre-marks the IIN and the phones for the deciding moderator.
    expect(view.detected.text.map((d) => d.kind)).toEqual(["iin", "phone"]);
    expect(view.detected.subject.map((d) => d.kind)).toEqual(["phone"]);
    await expect(
      decideContest(db(), {
        appealId: appeal.id,
        moderator: other,
        outcome: "amended",
        statement: statementOf("personal_data_of_others"),
      }),
    ).rejects.toMatchObject({ code: "BAD_REDACTION" });
    const entry = await decideContest(db(), {
      appealId: appeal.id,
      moderator: other,
      outcome: "amended",
      redactions: view.detected.text,
      subjectRedactions: view.detected.subject,
      statement: statementOf("personal_data_of_others"),
    });
    const [publication] = await db()
      .select()
      .from(appealPublications)
      .where(eq(appealPublications.appealId, appeal.id));
    expect(publication?.visibility).toBe("published_redacted");
    expect(publication?.publicSubject).not.toContain("555");
    expect(publication?.publicText).not.toContain("880101300172");
    expect(entry.content.action).toBe("contest_amended");
    expect(entry.content.statement?.tyndau_redacted_parts).toEqual(["subject", "text"]);
    // Publishing with redactions still keeps parts back: the figures count it as a restriction.
    const figures = await logFigures(db());
    expect(figures.perModerator.find((m) => m.pseudonym === entry.content.moderator)?.restrictions).toBe(1);
    // A contest's outcome is the review: the author cannot contest it again.
    await expect(
      contestDecision(db(), { appealId: appeal.id, citizenId: author.id, reason }),
    ).rejects.toMatchObject({ code: "ALREADY_CONTESTED" });

    // The log still verifies, old-shaped statements (without the new field) and new ones alike.
    const entries = await db().select().from(moderationLog).orderBy(asc(moderationLog.seq));
    const checkpoint = await latestCheckpoint(db());
    if (!checkpoint) throw new Error("no checkpoint");
    const verdict = verifyLog({ entries, checkpoint, publicKeyPem: loadSigningKey().publicKeyPem });
    expect(verdict).toEqual({ ok: true, treeSize: entries.length });
    const page = await listLogEntries(db(), {});
    expect(() => LogEntriesOutput.parse(page)).not.toThrow();
    const oldShaped = page.entries.find(
      (e) => "statement" in e.content && e.content.statement && !e.content.statement.tyndau_redacted_parts,
    );
    expect(oldShaped).toBeDefined();
  });
});

describe("the body's answer as the public reads it", () => {
  const db = useTestDatabase();

  it("waits for a moderator's review, which is logged and may redact each part", async () => {
    const { appeal, moderator } = await filePublicAppeal(db(), { state: "published" });
    const { acting } = await officialOf(db(), "akimat-astana");
    await answerAppeal(db(), {
      appealId: appeal.id,
      decision: "satisfied",
      text: "We visited flat 45 and called 8 701 555 01 01; the swings are repaired.",
      legalGrounds: "Rules of courtyard maintenance, para. 3.",
      appealRights: "You may complain to the superior body.",
      official: acting,
    });
    const queue = await listModerationQueue(db(), { moderator });
    expect(queue.answers.map((a) => a.number)).toContain(appeal.number);
    const view = await getAppealForModeration(db(), { appealId: appeal.id, moderator });
    expect(view.decisions).toContain("publish_answer");
    expect(view.detected.answer?.text.map((d) => d.kind)).toEqual(["address", "phone"]);
    // A redaction without reasons is refused; reviewing without redactions needs none.
    await expect(
      moderateAppeal(db(), {
        appealId: appeal.id,
        moderator,
        decision: "publish_answer",
        answerRedactions: { text: view.detected.answer?.text ?? [] },
      }),
    ).rejects.toMatchObject({ code: "STATEMENT_REQUIRED" });
    const entry = await moderateAppeal(db(), {
      appealId: appeal.id,
      moderator,
      decision: "publish_answer",
      answerRedactions: { text: view.detected.answer?.text ?? [] },
      statement: statementOf("personal_data_of_others"),
    });
    expect(entry.content.statement?.tyndau_redacted_parts).toEqual(["answer"]);
    const [publication] = await db()
      .select()
      .from(appealPublications)
      .where(eq(appealPublications.appealId, appeal.id));
    expect(publication?.answerLogSeq).toBe(entry.seq);
    expect(publication?.visibility).toBe("published");
    expect((await listModerationQueue(db(), { moderator })).answers.map((a) => a.number)).not.toContain(
      appeal.number,
    );
    await expect(
      moderateAppeal(db(), { appealId: appeal.id, moderator, decision: "publish_answer" }),
    ).rejects.toMatchObject({ code: "BAD_TRANSITION" });
  });

  it("refuses to mark an answer reviewed, or change its redactions, without a log entry", async () => {
    const { appeal } = await filePublicAppeal(db(), { state: "published" });
    const [other] = await db().select({ seq: moderationLog.seq }).from(moderationLog).limit(1);
    await expect(
      db()
        .update(appealPublications)
        .set({ answerRedactions: { text: [{ start: 0, end: 3 }] } })
        .where(eq(appealPublications.appealId, appeal.id)),
    ).rejects.toThrow();
    await expect(
      db()
        .update(appealPublications)
        .set({ subjectRedactions: [{ start: 0, end: 3 }] })
        .where(eq(appealPublications.appealId, appeal.id)),
    ).rejects.toThrow();
    // Citing an entry about another appeal is no better.
    const foreign = await filePublicAppeal(db(), { state: "published" });
    const [foreignEntry] = await db()
      .select({ seq: moderationLog.seq })
      .from(moderationLog)
      .where(eq(moderationLog.appealId, foreign.appeal.id));
    expect(other).toBeDefined();
    await expect(
      db()
        .update(appealPublications)
        .set({ answerLogSeq: foreignEntry?.seq ?? 0 })
        .where(eq(appealPublications.appealId, appeal.id)),
    ).rejects.toThrow();
  });
});

describe("conflict of interest over the body tree", () => {
  const db = useTestDatabase();

  it("keeps a moderator of a body out of appeals to its parents, its subordinates and complaints about it", async () => {
    const department = await createActor(db(), "moderator", {
      bodyId: await bodyIdOf(db(), "dept-astana-transport-roads"),
    });
    const akimat = await createActor(db(), "moderator", { bodyId: await bodyIdOf(db(), "akimat-astana") });
    const elsewhere = await createActor(db(), "moderator", {
      bodyId: await bodyIdOf(db(), "akimat-almaty-city"),
    });
    // An appeal to the akimat (the department's parent) and one to the department (the akimat's subordinate).
    const toAkimat = await filePublicAppeal(db(), { state: "pending", bodyCode: "akimat-astana" });
    const toDepartment = await filePublicAppeal(db(), {
      state: "pending",
      bodyCode: "dept-astana-transport-roads",
      category: "roads_transport",
    });
    for (const [moderator, appeal] of [
      [department, toAkimat.appeal],
      [akimat, toDepartment.appeal],
    ] as const) {
      await expect(getAppealForModeration(db(), { appealId: appeal.id, moderator })).rejects.toMatchObject({
        code: "CONFLICT_OF_INTEREST",
      });
      await expect(
        moderateAppeal(db(), { appealId: appeal.id, moderator, decision: "publish" }),
      ).rejects.toMatchObject({ code: "CONFLICT_OF_INTEREST" });
      const queue = await listModerationQueue(db(), { moderator });
      expect(queue.pending.map((p) => p.appealId)).not.toContain(appeal.id);
    }
    // A moderator of an unrelated body decides both.
    expect(
      (await listModerationQueue(db(), { moderator: elsewhere })).pending.map((p) => p.appealId),
    ).toEqual(expect.arrayContaining([toAkimat.appeal.id, toDepartment.appeal.id]));

    // A complaint about the department, filed to another body, is still about the department.
    const author = await createActor(db(), "citizen");
    const { appeal: complaint } = await fileAppeal(db(), {
      kind: "complaint",
      bodyId: await bodyIdOf(db(), "akimat-almaty-city"),
      category: "roads_transport",
      region: "almaty_city",
      subject: "Complaint about the roads department's answer",
      text: "The department's answer ignored the question about the crossing.",
      publishConsent: true,
      locale: "en",
      authorId: author.id,
      complaintOfId: toDepartment.appeal.id,
    });
    await expect(
      getAppealForModeration(db(), { appealId: complaint.id, moderator: department }),
    ).rejects.toMatchObject({ code: "CONFLICT_OF_INTEREST" });
    const queue = await listModerationQueue(db(), { moderator: department });
    expect(queue.pending.map((p) => p.appealId)).not.toContain(complaint.id);
  });
});
