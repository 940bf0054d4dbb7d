import { timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealAnswers, appeals, stateBodies } from "@/db/schema";
import { loadWorkingCalendar } from "../deadlines/load-calendar";
import { DomainError } from "../errors";
import { hashAccessCode } from "./access-code";
import { appealSerial } from "./appeal-number";
import { deadlineState } from "./deadline-state";
import { getTimeline } from "./get-timeline";

// Compared against when the number is unknown, so a wrong number costs the same time as a wrong code.
const NO_HASH = hashAccessCode("");

/** "жт 2026-123", "2026/000123" and "ЖТ-2026-000123" all name the same appeal. */
export function normalizeAppealNumber(input: string): string | null {
  const match = input.trim().match(/^(?:[жЖ][тТ]|JT|ZHT)?\W*(\d{4})\W+(\d{1,10})$/i);
  return match?.[2] ? `ЖТ-${match[1]}-${appealSerial(match[2])}` : null;
}

/**
 * An appeal as the person holding its receipt may follow it without an account: its number and the code
 * printed on the receipt. A wrong number and a wrong code fail alike, revealing neither. The applicant's
 * name and contacts are left out, as anyone who sees the printed code could read this page.
 */
export async function trackAppeal(db: Db, o: { number: string; code: string; now?: Date }) {
  const number = normalizeAppealNumber(o.number);
  const [appeal] = number ? await db.select().from(appeals).where(eq(appeals.number, number)) : [];
  const expected = Buffer.from(appeal?.accessCodeHash ?? NO_HASH, "hex");
  const given = Buffer.from(hashAccessCode(o.code), "hex");
  const matches = expected.length === given.length && timingSafeEqual(expected, given);
  if (!appeal?.accessCodeHash || !matches) throw new DomainError("NOT_FOUND");

  const [body] = await db
    .select({ nameKk: stateBodies.nameKk, nameRu: stateBodies.nameRu, nameEn: stateBodies.nameEn })
    .from(stateBodies)
    .where(eq(stateBodies.id, appeal.bodyId));
  const [answer] = await db
    .select({
      decision: appealAnswers.decision,
      text: appealAnswers.text,
      legalGrounds: appealAnswers.legalGrounds,
      appealRights: appealAnswers.appealRights,
      answeredAt: appealAnswers.answeredAt,
    })
    .from(appealAnswers)
    .where(eq(appealAnswers.appealId, appeal.id));
  const deadline = deadlineState(appeal, o.now ?? new Date(), await loadWorkingCalendar(db));
  return {
    number: appeal.number,
    kind: appeal.kind,
    status: appeal.status,
    // The page shows the appeal in its applicant's language, whichever language the site is opened in.
    locale: appeal.locale,
    body: body ?? null,
    filedAt: appeal.filedAt,
    registeredOn: appeal.registeredOn,
    dueAt: appeal.dueAt,
    extendedAt: appeal.extendedAt,
    answeredAt: appeal.answeredAt,
    ...deadline,
    answer: answer ?? null,
    timeline: await getTimeline(db, appeal.id),
  };
}
