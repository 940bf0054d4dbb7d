import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealAnswers, attachments, stateBodies, users } from "@/db/schema";
import type { SessionUser } from "../auth/sessions";
import { getReadableAppealOrThrow } from "./appeal-access";
import { getTimeline } from "./get-timeline";
import type { Appeal } from "./lifecycle";

/** How far back the file goes: a complaint about the answer to a complaint brings the earlier ones too. */
const MAX_DEPTH = 10;

/**
 * The whole file a complaint travels with (APPC Art. 91(4)): for the appeal complained about, and any
 * complaint before it, its text, the answer complained about, its history and its files. Each original is
 * read through the viewer's own access rule (appeal-access.ts lets the bodies a complaint reaches read what
 * it is about), so a viewer who may not read one gets NOT_FOUND rather than a partial file. The applicant's
 * contacts are not repeated here: the complaint itself carries them.
 */
export async function getComplaintFile(db: Db, complaint: Appeal, viewer: SessionUser) {
  const file = [];
  let nextId = complaint.complaintOfId;
  while (nextId && file.length < MAX_DEPTH) {
    const original = await getReadableAppealOrThrow(db, nextId, viewer);
    const [body] = await db
      .select({
        id: stateBodies.id,
        nameKk: stateBodies.nameKk,
        nameRu: stateBodies.nameRu,
        nameEn: stateBodies.nameEn,
      })
      .from(stateBodies)
      .where(eq(stateBodies.id, original.bodyId));
    const [answer] = await db
      .select({
        decision: appealAnswers.decision,
        text: appealAnswers.text,
        legalGrounds: appealAnswers.legalGrounds,
        appealRights: appealAnswers.appealRights,
        answeredAt: appealAnswers.answeredAt,
        onTime: appealAnswers.onTime,
        answeredByName: users.fullName,
      })
      .from(appealAnswers)
      .innerJoin(users, eq(users.id, appealAnswers.answeredById))
      .where(eq(appealAnswers.appealId, original.id));
    const files = await db
      .select({
        id: attachments.id,
        fileName: attachments.fileName,
        size: attachments.size,
        eventId: attachments.eventId,
      })
      .from(attachments)
      .where(eq(attachments.appealId, original.id))
      .orderBy(asc(attachments.createdAt));
    file.push({
      appeal: {
        id: original.id,
        number: original.number,
        kind: original.kind,
        status: original.status,
        subject: original.subject,
        text: original.text,
        locale: original.locale,
        filedAt: original.filedAt,
        dueAt: original.dueAt,
      },
      body: body ?? null,
      answer: answer ?? null,
      attachments: files,
      timeline: await getTimeline(db, original.id),
    });
    nextId = original.complaintOfId;
  }
  return file;
}
