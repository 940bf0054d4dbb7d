import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attachments } from "@/db/schema";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { answerAppeal } from "./answer-appeal";
import { fileAppeal } from "./file-appeal";
import { getAttachmentOrThrow } from "./get-attachment";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");

describe("downloading a file of an appeal", () => {
  const db = useTestDatabase();

  it("gives it to the author, the body and its supervisor, and to nobody else", async () => {
    const holder = await officialOf(db(), "akimat-almaty-city");
    const author = await createActor(db(), "citizen");
    const appeal = await fileTestAppeal(db(), { filedAt: new Date(), authorId: author.id });
    await answerAppeal(db(), {
      appealId: appeal.id,
      decision: "satisfied",
      text: "Hot water was restored on 12 November after the pipe on Abai Ave was replaced.",
      legalGrounds: "APPC Art. 76",
      appealRights: "You may complain to the Government or to court (APPC Art. 91).",
      attachments: [{ fileName: "act.pdf", bytes: PDF }],
      official: holder.acting,
    });
    const [file] = await db().select().from(attachments).where(eq(attachments.appealId, appeal.id));
    const attachmentId = file?.id ?? "";
    const supervisor = await officialOf(db(), "government");
    for (const viewer of [author, holder.user, supervisor.user]) {
      const got = await getAttachmentOrThrow(db(), { attachmentId, viewer });
      expect([got.fileName, got.mimeType, Buffer.compare(got.content, PDF)]).toEqual([
        "act.pdf",
        "application/pdf",
        0,
      ]);
    }
    const other = await officialOf(db(), "akimat-astana");
    for (const viewer of [
      await createActor(db(), "citizen"),
      other.user,
      await createActor(db(), "moderator"),
    ]) {
      await expect(getAttachmentOrThrow(db(), { attachmentId, viewer })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
  });

  it("gives an assisted filing's file to the operator who filed it, and not to another operator", async () => {
    const operator = await createActor(db(), "operator");
    const { appeal } = await fileAppeal(db(), {
      kind: "message",
      bodyId: (await officialOf(db(), "akimat-almaty-city")).acting.bodyId,
      category: "roads_transport",
      region: "almaty_city",
      subject: "Pothole",
      text: "A deep pothole on Timiryazev street near the school.",
      publishConsent: false,
      locale: "kk",
      authorId: null,
      channel: "assisted",
      assistedBy: { id: operator.id, role: "operator" },
      applicant: { name: "Бақыт Әлиұлы" },
      attachments: [{ fileName: "pothole.pdf", bytes: PDF }],
    });
    const [file] = await db().select().from(attachments).where(eq(attachments.appealId, appeal.id));
    const attachmentId = file?.id ?? "";
    expect((await getAttachmentOrThrow(db(), { attachmentId, viewer: operator })).fileName).toBe(
      "pothole.pdf",
    );
    const other = await createActor(db(), "operator");
    await expect(getAttachmentOrThrow(db(), { attachmentId, viewer: other })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
