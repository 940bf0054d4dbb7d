import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals, attachments } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { DomainError } from "../errors";
import { readableAppeals } from "./appeal-access";

/** A file of an appeal the viewer may read; any other is indistinguishable from one that does not exist. */
export async function getAttachmentOrThrow(db: Db, o: { attachmentId: string; viewer: SessionUser }) {
  const [file] = await db
    .select({
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      size: attachments.size,
      content: attachments.content,
    })
    .from(attachments)
    .innerJoin(appeals, eq(appeals.id, attachments.appealId))
    .where(and(eq(attachments.id, o.attachmentId), await readableAppeals(db, o.viewer)));
  if (!file) throw new DomainError("NOT_FOUND");
  return file;
}
