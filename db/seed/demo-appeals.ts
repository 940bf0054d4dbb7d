import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { appealPublications, appeals, stateBodies, users } from "@/db/schema";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { assignAppeal } from "@/server/appeals/assign-appeal";
import { closeAppeal } from "@/server/appeals/close-appeal";
import { extendAppealDeadline } from "@/server/appeals/extend-deadline";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { fileComplaint } from "@/server/appeals/file-complaint";
import { forwardAppeal } from "@/server/appeals/forward-appeal";
import type { Appeal } from "@/server/appeals/lifecycle";
import { passComplaintUp } from "@/server/appeals/pass-complaint-up";
import { provideClarification } from "@/server/appeals/provide-clarification";
import { rateAnswer } from "@/server/appeals/rate-answer";
import { requestClarification } from "@/server/appeals/request-clarification";
import type { SessionUser } from "@/server/auth/sessions";
import { loadWorkingCalendar } from "@/server/deadlines/load-calendar";
import { almatyDate, type WorkingCalendar } from "@/server/deadlines/working-calendar";
import { CATEGORIES, type Category } from "@/server/directory/state-bodies-directory";
import { suggestBodies } from "@/server/directory/suggest-body";
import { markOverdueAppeals } from "@/server/jobs/mark-overdue";
import { moderateAppeal } from "@/server/moderation/moderate-appeal";
import { APPEAL_RIGHTS, DEMO_ANSWERS, DEMO_TOPICS } from "./demo-texts";

const DAY = 86_400_000;
const REGIONS = [
  "almaty_city",
  "astana",
  "shymkent",
  "karaganda",
  "turkistan",
  "east_kazakhstan",
  "mangystau",
  "abai",
];
const KINDS = [
  "application",
  "application",
  "application",
  "complaint",
  "proposal",
  "request",
  "message",
] as const;

/** A small deterministic generator, so every fresh demo looks the same. */
function random(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1664525 + 1013904223) % 2 ** 32;
    return s / 2 ** 32;
  };
  return {
    next,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
  };
}

/** A working moment `days` working days after `from`, at a plausible office hour. */
function workingMoment(cal: WorkingCalendar, from: Date, days: number, hour: number): Date {
  const date = cal.addWorkingDays(almatyDate(from), days);
  return new Date(`${date}T${String(hour).padStart(2, "0")}:15:00+05:00`);
}

/**
 * A living service for a first start: a few hundred appeals over the last twelve months, each taken
 * through the real domain functions with its own clock, so every state of the lifecycle, the history and
 * the moderation log are what the service itself would have written.
 */
export async function seedDemoAppeals(
  db: Database,
  o: { citizens: SessionUser[]; moderators: SessionUser[]; count: number; now?: Date },
) {
  const now = o.now ?? new Date();
  const rnd = random(2026);
  const cal = await loadWorkingCalendar(db);
  const officials = new Map<string, { id: string; bodyId: string }>();

  async function officialOf(bodyId: string) {
    const known = officials.get(bodyId);
    if (known) return known;
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.bodyId, bodyId)).limit(1);
    let id = existing?.id;
    if (!id) {
      const [body] = await db
        .select({ code: stateBodies.code })
        .from(stateBodies)
        .where(eq(stateBodies.id, bodyId));
      const [created] = await db
        .insert(users)
        .values({
          email: `official.${body?.code}@demo.tyndau.kz`,
          fullName: `Исполнитель (${body?.code})`,
          role: "official",
          bodyId,
          passwordHash: "!demo-official-without-sign-in",
        })
        .returning({ id: users.id });
      id = created?.id;
    }
    if (!id) throw new Error("no official");
    const official = { id, bodyId };
    officials.set(bodyId, official);
    return official;
  }

  for (let i = 0; i < o.count; i++) {
    const category: Category = rnd.chance(0.35) ? "housing_utilities" : rnd.pick(CATEGORIES);
    const region = rnd.pick(REGIONS);
    const topic = rnd.pick(DEMO_TOPICS[category]);
    const [body] = await suggestBodies(db, { category, region });
    if (!body) continue;
    const citizen = rnd.pick(o.citizens);
    // Older appeals are fewer: a service that grows.
    const ageDays = Math.floor(365 * rnd.next() ** 1.4);
    const filedAt = new Date(now.getTime() - ageDays * DAY - rnd.next() * 8 * 3600_000);
    const { appeal } = await fileAppeal(db, {
      kind: rnd.pick(KINDS),
      bodyId: body.id,
      category,
      region,
      subject: topic.subject,
      text: topic.text,
      publishConsent: rnd.chance(0.45),
      locale: topic.locale,
      authorId: citizen.id,
      now: filedAt,
    });
    await takeThroughLifecycle(appeal, citizen, ageDays);
  }
  // Whatever is still unanswered past its deadline is marked as the job would have marked it.
  await markOverdueAppeals(db, now);

  async function takeThroughLifecycle(appeal: Appeal, citizen: SessionUser, ageDays: number) {
    let official = await officialOf(appeal.bodyId);
    let current = appeal;
    const at = (days: number) => {
      const t = workingMoment(cal, current.filedAt, days, 10 + Math.floor(rnd.next() * 7));
      return t.getTime() < now.getTime() ? t : null;
    };

    if (rnd.chance(0.12) && at(2)) {
      const target = (await suggestBodies(db, { category: appeal.category as Category, region: null }))[0];
      if (target && target.id !== appeal.bodyId) {
        current = await forwardAppeal(db, {
          appealId: appeal.id,
          toBodyId: target.id,
          reason: "Вопрос относится к компетенции центрального органа.",
          official,
          now: at(2) ?? now,
        });
        official = await officialOf(target.id);
        if (rnd.chance(0.3) && at(4)) {
          const back = (
            await suggestBodies(db, { category: appeal.category as Category, region: appeal.region })
          )[0];
          if (back && back.id !== current.bodyId) {
            current = await forwardAppeal(db, {
              appealId: appeal.id,
              toBodyId: back.id,
              reason: "Вопрос решается на местном уровне.",
              official,
              now: at(4) ?? now,
            });
            official = await officialOf(back.id);
          }
        }
      }
    }
    if (ageDays < 2) return;
    const assignedAt = at(1);
    if (!assignedAt) return;
    await assignAppeal(db, { appealId: appeal.id, executorId: official.id, official });
    if (rnd.chance(0.1) && at(3)) {
      await requestClarification(db, {
        appealId: appeal.id,
        question: "Уточните, пожалуйста, номер дома и квартиры, а также дату, с которой возникла проблема.",
        official,
        now: at(3) ?? now,
      });
      const replyAt = at(6);
      if (!replyAt || rnd.chance(0.3)) return; // still waiting for the citizen
      await provideClarification(db, {
        appealId: appeal.id,
        citizenId: citizen.id,
        reply: "Дом 58, квартира 14; проблема с 3 октября.",
        now: replyAt,
      });
    }
    if (rnd.chance(0.1) && at(10)) {
      const due = new Date(current.dueAt.getTime() + 20 * DAY);
      await extendAppealDeadline(db, {
        appealId: appeal.id,
        newDueOn: almatyDate(due),
        reason: "Требуется выезд комиссии и заключение подрядной организации.",
        decidedBy: "Заместитель акима Б. Сейтказиев",
        official,
        now: at(10) ?? now,
      }).catch(() => undefined);
    }
    // Some bodies answer late or not at all: the figures must have something to show.
    const answerDay = rnd.chance(0.15) ? 20 + Math.floor(rnd.next() * 10) : 4 + Math.floor(rnd.next() * 11);
    const answeredAt = at(answerDay);
    if (!answeredAt || rnd.chance(0.12)) return;
    const decision = rnd.pick(["satisfied", "satisfied", "partly_satisfied", "refused"] as const);
    await answerAppeal(db, {
      appealId: appeal.id,
      decision,
      ...DEMO_ANSWERS[decision],
      appealRights: APPEAL_RIGHTS,
      official,
      now: answeredAt,
    });
    if (rnd.chance(0.6)) {
      const outcome =
        decision === "satisfied" ? "resolved" : decision === "partly_satisfied" ? "partly" : "not_resolved";
      await rateAnswer(db, {
        appealId: appeal.id,
        citizenId: citizen.id,
        outcome,
        quality: outcome === "resolved" ? 4 + Math.floor(rnd.next() * 2) : 1 + Math.floor(rnd.next() * 3),
        heard: outcome !== "not_resolved" || rnd.chance(0.2),
      });
      if (outcome === "not_resolved" && rnd.chance(0.5)) {
        const complaint = await fileComplaint(db, {
          appealId: appeal.id,
          citizenId: citizen.id,
          text: "Ответ формальный, проблема не решена. Прошу вышестоящий орган проверить.",
          publishConsent: false,
          locale: "ru",
          idempotencyKey: `demo-complaint-${appeal.id}`,
          now: at(answerDay + 2) ?? now,
        });
        // Filed through the body (APPC Art. 91(4)); most such bodies pass them up rather than satisfy them.
        // Decided by the number, not the random stream, so the rest of the demo stays as it was.
        if (Number(complaint.number.slice(-1)) % 3 !== 0) {
          const passedAt = new Date(Math.min(complaint.filedAt.getTime() + 3_600_000, now.getTime()));
          await passComplaintUp(db, { appealId: complaint.id, official, now: passedAt });
        }
        return;
      }
    }
    if (rnd.chance(0.5))
      await closeAppeal(db, { appealId: appeal.id, official, now: at(answerDay + 3) ?? now });
  }

  await moderateDemoPublications(db, o.moderators, now);
}

// Most consenting appeals are published; a few redacted or declined with reasons; the newest wait.
async function moderateDemoPublications(db: Database, moderators: SessionUser[], now: Date) {
  const rows = await db
    .select({ appealId: appealPublications.appealId, text: appeals.text, filedAt: appeals.filedAt })
    .from(appealPublications)
    .innerJoin(appeals, eq(appeals.id, appealPublications.appealId))
    .where(eq(appealPublications.visibility, "pending"))
    .orderBy(appeals.filedAt);
  const rnd = random(11);
  for (const row of rows) {
    if (now.getTime() - row.filedAt.getTime() < 2 * DAY) continue;
    const moderator = rnd.pick(moderators);
    const roll = rnd.next();
    if (roll < 0.8) {
      await moderateAppeal(db, { appealId: row.appealId, moderator, decision: "publish" });
    } else if (roll < 0.92) {
      const at = row.text.indexOf(" ") + 1;
      await moderateAppeal(db, {
        appealId: row.appealId,
        moderator,
        decision: "publish_redacted",
        redactions: [{ start: at, end: Math.min(at + 12, row.text.length) }],
        statement: {
          ground: "personal_data_of_others",
          facts: "Адрес конкретного жителя",
          sourceType: "SOURCE_VOLUNTARY",
        },
      });
    } else {
      await moderateAppeal(db, {
        appealId: row.appealId,
        moderator,
        decision: "decline",
        statement: {
          ground: "duplicate",
          facts: "Повтор ранее опубликованного обращения",
          sourceType: "SOURCE_VOLUNTARY",
        },
      });
    }
  }
}
