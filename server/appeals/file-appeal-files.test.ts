import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { appeals, attachments } from "@/db/schema";
import { createActor } from "@/test/actors";
import { askToClarify, citizenWithAppeal } from "@/test/citizen-fixtures";
import { useTestDatabase } from "@/test/database";
import { almaty, bodyIdOf } from "@/test/official-fixtures";
import { pdfWith, phoneJpeg, plainPng } from "@/test/upload-fixtures";
import { fileAppeal } from "./file-appeal";
import { provideClarification } from "./provide-clarification";

// What a citizen's phone sends: each request brings its own copies of the bytes.
const copy = (b: Buffer) => Buffer.from(b);

describe("files of an appeal as stored", () => {
  const db = useTestDatabase();

  async function file(authorId: string, o: { files: Buffer[]; idempotencyKey?: string }) {
    return fileAppeal(db(), {
      kind: "complaint",
      bodyId: await bodyIdOf(db(), "akimat-almaty-city"),
      category: "roads_transport",
      region: "almaty_city",
      subject: "A pothole on Abai Avenue",
      text: "A deep pothole at Abai Avenue 52 has damaged two cars this week.",
      publishConsent: false,
      locale: "kk",
      authorId,
      attachments: o.files.map((bytes, i) => ({ fileName: `photo-${i}.jpg`, bytes: copy(bytes) })),
      idempotencyKey: o.idempotencyKey ?? null,
    });
  }

  const storedFiles = (appealId: string) =>
    db().select().from(attachments).where(eq(attachments.appealId, appealId)).orderBy(attachments.fileName);

  it("keeps a photo's pixels, upright, without its GPS position or any other metadata", async () => {
    const citizen = await createActor(db(), "citizen");
    const photo = await phoneJpeg();
    const { appeal } = await file(citizen.id, { files: [photo] });
    const [row] = await storedFiles(appeal.id);
    if (!row) throw new Error("no file stored");
    const meta = await sharp(row.content).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 20, height: 40 });
    expect([meta.exif, meta.xmp, meta.icc, meta.orientation]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(row.content.includes("Exif")).toBe(false);
    expect(row.mimeType).toBe("image/jpeg");
    expect(row.size).toBe(row.content.length);
    expect(row.sha256).toBe(createHash("sha256").update(row.content).digest("hex"));
  });

  it("replays a retried submission with the same files, and refuses the key with other files", async () => {
    const citizen = await createActor(db(), "citizen");
    const key = randomUUID();
    const files = [await phoneJpeg(), await plainPng(), pdfWith()];
    const first = await file(citizen.id, { files, idempotencyKey: key });
    expect(first.replayed).toBe(false);
    const retries = await Promise.all([1, 2, 3].map(() => file(citizen.id, { files, idempotencyKey: key })));
    expect(retries.map((r) => [r.appeal.id, r.replayed])).toEqual(
      [1, 2, 3].map(() => [first.appeal.id, true]),
    );
    expect(await db().select().from(appeals).where(eq(appeals.authorId, citizen.id))).toHaveLength(1);
    expect(await storedFiles(first.appeal.id)).toHaveLength(3);

    const other = await sharp(await plainPng())
      .negate()
      .png()
      .toBuffer();
    await expect(
      file(citizen.id, { files: [await phoneJpeg(), other, pdfWith()], idempotencyKey: key }),
    ).rejects.toMatchObject({ code: "IDEMPOTENCY_MISMATCH" });
  });

  it("files nothing when one of the files is refused", async () => {
    const citizen = await createActor(db(), "citizen");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    await expect(file(citizen.id, { files: [pdfWith(), svg] })).rejects.toMatchObject({
      code: "BAD_ATTACHMENT",
    });
    expect(await db().select().from(appeals).where(eq(appeals.authorId, citizen.id))).toEqual([]);
  });

  it("strips the metadata of a photo sent with a clarification too", async () => {
    const { citizen, appeal } = await citizenWithAppeal(db());
    await askToClarify(db(), appeal.id, almaty("2026-11-11T10:00:00"));
    await provideClarification(db(), {
      appealId: appeal.id,
      citizenId: citizen.id,
      reply: "The pothole is in front of the bakery.",
      attachments: [{ fileName: "pothole.jpg", bytes: await phoneJpeg() }],
      now: almaty("2026-11-12T10:00:00"),
    });
    const [row] = await storedFiles(appeal.id);
    expect(row?.eventId).not.toBeNull();
    expect((await sharp(row?.content).metadata()).exif).toBeUndefined();
  });
});
