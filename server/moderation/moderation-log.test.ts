import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { appealPublications, moderationLog, stateBodies } from "@/db/schema";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { isGradingContent, type PublicLogContent } from "./append-log-entry";
import { changeVisibility } from "./change-visibility";
import { latestCheckpoint, signCheckpoint } from "./checkpoint";
import { listLogEntries } from "./list-log-entries";
import { newSigningKeyPem, signingKeyFromPem } from "./log-signing-key";
import { buildStatement } from "./statement-of-reasons";
import { type Verdict, verifyLog } from "./verify-log";

const key = signingKeyFromPem(newSigningKeyPem());

describe("the public moderation log", () => {
  const db = useTestDatabase();

  async function publicAppeal() {
    const citizen = await createActor(db(), "citizen");
    const [body] = await db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-astana"));
    const { appeal } = await fileAppeal(db(), {
      kind: "proposal",
      bodyId: body?.id ?? "",
      category: "roads_transport",
      region: "astana",
      subject: "A pedestrian crossing at school No. 12",
      text: "Children cross six lanes on Kabanbay Batyr Ave; call me at +7 701 123 4567.",
      publishConsent: true,
      locale: "kk",
      authorId: citizen.id,
    });
    return appeal;
  }

  async function moderate(n: number) {
    const moderator = { id: (await createActor(db(), "moderator")).id, pseudonym: `M-TEST${n}` };
    for (let i = 0; i < n; i++) {
      const appeal = await publicAppeal();
      await db().transaction(async (tx) => {
        await changeVisibility(tx, {
          appeal,
          action: i % 2 ? "publish" : "publish_redacted",
          visibility: i % 2 ? "published" : "published_redacted",
          redactions: i % 2 ? [] : [{ start: 56, end: 72 }],
          statement:
            i % 2
              ? null
              : buildStatement("publish_redacted", {
                  ground: "personal_data_of_others",
                  facts: "A phone number",
                  sourceType: "SOURCE_VOLUNTARY",
                  appealNumber: appeal.number,
                  now: new Date(),
                }),
          moderator,
        });
      });
    }
    return signCheckpoint(db(), key);
  }

  const entriesOf = async (tx: Db) =>
    (await tx.select().from(moderationLog).orderBy(asc(moderationLog.seq))).map((e) => ({
      seq: e.seq,
      canonical: e.canonical,
      entryHash: e.entryHash,
    }));

  /**
   * Tampers with the rows directly, as only someone with superuser access to the database could (the
   * triggers are switched off), verifies, and rolls the damage back so each case starts from a sound log.
   */
  async function verifyAfterTampering(...statements: ReturnType<typeof sql>[]): Promise<Verdict> {
    const checkpoint = await latestCheckpoint(db());
    if (!checkpoint) throw new Error("no checkpoint");
    let verdict: Verdict | undefined;
    await db()
      .transaction(async (tx) => {
        await tx.execute(sql`alter table moderation_log disable trigger user`);
        for (const statement of statements) await tx.execute(statement);
        verdict = verifyLog({ entries: await entriesOf(tx), checkpoint, publicKeyPem: key.publicKeyPem });
        throw new Error("roll back");
      })
      .catch(() => {});
    if (!verdict) throw new Error("not verified");
    return verdict;
  }

  it("verifies an untouched log against its signed checkpoint and an earlier one", async () => {
    const earlier = await moderate(3);
    const checkpoint = await moderate(2);
    expect(checkpoint.treeSize).toBe(5);
    const entries = await entriesOf(db());
    expect(verifyLog({ entries, checkpoint, publicKeyPem: key.publicKeyPem, saved: earlier })).toEqual({
      ok: true,
      treeSize: 5,
    });
    // No personal data in the public content: neither the phone number nor anyone's id.
    const text = entries.map((e) => e.canonical).join("\n");
    expect(text).not.toContain("701 123 4567");
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it("refuses to change visibility without a log entry", async () => {
    const appeal = await publicAppeal();
    await expect(
      db()
        .update(appealPublications)
        .set({ visibility: "published" })
        .where(eq(appealPublications.appealId, appeal.id)),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/without a moderation log entry/) } });
    await expect(
      db()
        .update(appealPublications)
        .set({ visibility: "hidden", logSeq: 1 })
        .where(eq(appealPublications.appealId, appeal.id)),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/cites no log entry about it/) } });
  });

  it("refuses UPDATE, DELETE and TRUNCATE of the log", async () => {
    const refused = { cause: { message: expect.stringMatching(/append-only/) } };
    await expect(
      db().execute(sql`update moderation_log set action = 'hide' where seq = 1`),
    ).rejects.toMatchObject(refused);
    await expect(db().execute(sql`delete from moderation_log where seq = 1`)).rejects.toMatchObject(refused);
    await expect(db().execute(sql`truncate moderation_log cascade`)).rejects.toMatchObject(refused);
  });

  it("names an edited entry, even when its hash was recomputed to match", async () => {
    expect(
      await verifyAfterTampering(
        sql`update moderation_log set canonical = replace(canonical, 'M-TEST', 'M-EVIL') where seq = 2`,
      ),
    ).toMatchObject({ ok: false, seq: 2, problem: "hash does not match its content" });
    expect(
      await verifyAfterTampering(
        sql`update moderation_log set canonical = replace(canonical, 'M-TEST', 'M-EVIL') where seq = 2`,
        sql`update moderation_log set entry_hash = encode(sha256(convert_to(canonical, 'UTF8')), 'hex') where seq = 2`,
      ),
    ).toMatchObject({ ok: false, seq: 3, problem: "does not chain to the previous entry" });
  });

  it("names a deleted entry", async () => {
    expect(await verifyAfterTampering(sql`delete from moderation_log where seq = 4`)).toMatchObject({
      ok: false,
      seq: 4,
      problem: "entry 4 is missing",
    });
    expect(await verifyAfterTampering(sql`delete from moderation_log where seq = 5`)).toMatchObject({
      ok: false,
      seq: 5,
    });
  });

  it("names reordered entries", async () => {
    expect(
      await verifyAfterTampering(
        sql`update moderation_log set seq = 1000 where seq = 2`,
        sql`update moderation_log set seq = 2 where seq = 3`,
        sql`update moderation_log set seq = 3 where seq = 1000`,
      ),
    ).toMatchObject({ ok: false, seq: 2, problem: "content is numbered 3" });
  });

  it("narrows the public reading to a body, a ground or one appeal, and says how many match", async () => {
    const [astana] = await db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-astana"));
    const [almaty] = await db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-almaty-city"));
    const count = async (filters: Parameters<typeof listLogEntries>[1]) =>
      (await listLogEntries(db(), filters)).total;
    const before = {
      all: await count({}),
      astana: await count({ body: astana?.id }),
      personal: await count({ ground: "personal_data_of_others" }),
    };
    await moderate(4);

    expect(await count({})).toBe(before.all + 4);
    expect(await count({ body: astana?.id })).toBe(before.astana + 4);
    expect(await listLogEntries(db(), { body: almaty?.id })).toMatchObject({ entries: [], total: 0 });
    const personal = await listLogEntries(db(), { ground: "personal_data_of_others" });
    expect(personal.total).toBe(before.personal + 2);
    expect(
      new Set(
        personal.entries.map((e) =>
          isGradingContent(e.content) ? null : e.content.statement?.tyndau_ground,
        ),
      ),
    ).toEqual(new Set(["personal_data_of_others"]));
    expect(await count({ ground: "threats" })).toBe(0);

    const appealOf = (c: PublicLogContent) => (isGradingContent(c) ? null : c.appeal);
    const listedSecond = (await listLogEntries(db(), {})).entries[1];
    const one = (listedSecond && appealOf(listedSecond.content)) ?? "";
    const byNumber = await listLogEntries(db(), { appeal: ` ${one.toLowerCase()} ` });
    expect(byNumber.entries.map((e) => appealOf(e.content))).toEqual([one]);
    // A page of older matches leads back to the newer ones by their `before`.
    const [newest, second] = personal.entries;
    const older = await listLogEntries(db(), { ground: "personal_data_of_others", before: newest?.seq });
    expect(older.entries[0]?.seq).toBe(second?.seq);
    expect(older.newerBefore).toBe((newest?.seq ?? 0) + 1);
    expect(personal.newerBefore).toBeNull();
  });
});
