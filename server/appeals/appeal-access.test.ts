import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appeals, stateBodies } from "@/db/schema";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { getReadableAppealOrThrow, readableAppeals } from "./appeal-access";
import { fileAppeal } from "./file-appeal";

describe("who may read an appeal", () => {
  const db = useTestDatabase();
  const bodyId = async (code: string) =>
    (await db().select().from(stateBodies).where(eq(stateBodies.code, code)))[0]?.id ?? "";

  async function file(authorId: string, body: string, complaintOfId: string | null = null) {
    const { appeal } = await fileAppeal(db(), {
      kind: complaintOfId ? "complaint" : "application",
      bodyId: await bodyId(body),
      category: "other",
      region: null,
      subject: "Subject",
      text: "A text that is long enough to be an appeal.",
      publishConsent: false,
      locale: "en",
      authorId,
      complaintOfId,
    });
    return appeal;
  }

  const readable = async (viewer: Awaited<ReturnType<typeof createActor>>) =>
    (
      await db()
        .select({ number: appeals.number })
        .from(appeals)
        .where(await readableAppeals(db(), viewer))
    ).map((a) => a.number);

  it("lets the officials who hold a complaint read the whole chain of appeals it is about, and no one else", async () => {
    const citizen = await createActor(db(), "citizen");
    // The original is at Astana's akimat; its complaint ended up at Almaty's, outside Astana's tree, as
    // after a forward; a second complaint about that one's answer went to the Government's office.
    const original = await file(citizen.id, "akimat-astana");
    const complaint = await file(citizen.id, "akimat-almaty-city", original.id);
    const unrelated = await file(citizen.id, "akimat-astana");

    const almaty = await createActor(db(), "official", { bodyId: await bodyId("akimat-almaty-city") });
    expect(await readable(almaty)).toEqual(expect.arrayContaining([original.number, complaint.number]));
    expect(await readable(almaty)).not.toContain(unrelated.number);
    expect((await getReadableAppealOrThrow(db(), original.id, almaty)).id).toBe(original.id);

    // A district below Almaty's akimat does not hold the complaint, so it reads neither.
    const district = await createActor(db(), "official", {
      bodyId: await bodyId("akimat-almaty-city-bostandyk"),
    });
    await expect(getReadableAppealOrThrow(db(), original.id, district)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const shymkent = await createActor(db(), "official", { bodyId: await bodyId("akimat-shymkent") });
    await expect(getReadableAppealOrThrow(db(), original.id, shymkent)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const second = await file(citizen.id, "akimat-shymkent", complaint.id);
    expect(await readable(shymkent)).toEqual(
      expect.arrayContaining([original.number, complaint.number, second.number]),
    );
    expect(await readable(shymkent)).not.toContain(unrelated.number);
  });

  it("gives a citizen their own appeals only, and other roles none", async () => {
    const author = await createActor(db(), "citizen");
    const other = await createActor(db(), "citizen");
    const own = await file(author.id, "akimat-astana");
    expect(await readable(author)).toEqual([own.number]);
    await expect(getReadableAppealOrThrow(db(), own.id, other)).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const role of ["operator", "moderator", "auditor", "admin"] as const) {
      const viewer = await createActor(db(), role);
      await expect(getReadableAppealOrThrow(db(), own.id, viewer)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
  });
});
