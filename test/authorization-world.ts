import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { appeals, attachments, gradingItems, notifications, smsMessages, users } from "@/db/schema";
import { issueAccountToken } from "@/server/accounts/account-tokens";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { fileComplaint } from "@/server/appeals/file-complaint";
import type { Appeal } from "@/server/appeals/lifecycle";
import { requestClarification } from "@/server/appeals/request-clarification";
import type { SessionUser } from "@/server/auth/sessions";
import { saveCalendarDay } from "@/server/calendar/save-calendar-day";
import { listDeadlinePolicies, type PolicyTerms } from "@/server/deadlines/update-policy";
import { addCalendarDays, almatyDate, type IsoDate } from "@/server/deadlines/working-calendar";
import { closeGradingRound } from "@/server/grading/close-round";
import { drawGradingRound } from "@/server/grading/draw-round";
import { gradeItem } from "@/server/grading/grade-item";
import { openGradingRound } from "@/server/grading/open-round";
import { RUBRIC } from "@/server/grading/rubric";
import { monthOf } from "@/server/metrics/period";
import { refreshMetrics } from "@/server/metrics/refresh-metrics";
import { contestDecision } from "@/server/moderation/contest-decision";
import { moderateAppeal } from "@/server/moderation/moderate-appeal";
import { importRegister } from "@/server/open-data/import/import-register";
import { RegisterMapping } from "@/server/open-data/import/register-mapping";
import { issueApiKey } from "@/server/open311/api-keys";
import { fileAssistedAppeal } from "@/server/operator/file-assisted-appeal";
import { sendPhoneCode } from "@/server/sms/phone-verification";
import { createActor } from "./actors";
import { PDF } from "./citizen-fixtures";
import { bodyIdOf } from "./official-fixtures";
import { statementOf } from "./public-appeal-fixtures";

/** Everyone the authorization matrix asks: each procedure and route is tried as each of them. */
export const ACTORS = [
  "anonymous",
  "citizenA",
  "citizenB",
  "officialA",
  "officialB",
  "supervisor",
  "operator",
  "moderator",
  "auditor",
  "admin",
] as const;
export type ActorName = (typeof ACTORS)[number];

/**
 * Body A is a district akimat; the supervisor is an official of its parent, the city akimat, who reads
 * what the districts below it hold (appeal-access.ts). Body B is A's sibling: same parent, no oversight.
 */
export const BODY_CODES = {
  a: "akimat-almaty-city-bostandyk",
  b: "akimat-almaty-city-medeu",
  parent: "akimat-almaty-city",
  elsewhere: "akimat-astana",
} as const;

/**
 * Citizen A's personal data, everything the service holds of a person: the account (name, e-mail,
 * phone: db/schema/users.ts) and the applicant fields of an appeal (name, e-mail, phone, postal address).
 * No identity number (IIN) is collected anywhere, so none can leave. Each value carries a marker that
 * occurs nowhere else in the world, so a leak shows in any serialized answer.
 */
export const CITIZEN_A = {
  fullName: "Айнаш Маркерқызы Жасырынова",
  email: "ainash.pii-q7x3@example.kz",
  phone: "+77019990317",
  address: "Алматы, улица Маркерная 77, кв. 31",
} as const;
export const PERSONAL_MARKERS = [
  "Маркерқызы",
  "Жасырынова",
  "pii-q7x3",
  "PII-Q7X3",
  "7019990317",
  "701 999 03 17",
  "Маркерная",
] as const;

/** The applicant of the assisted filing: a different person, who follows the appeal with a code. */
const ASSISTED_APPLICANT = { name: "Серік Оператордан", phone: "+77020000001", address: null, email: null };

export type World = {
  actors: Record<ActorName, SessionUser | null>;
  bodies: { a: string; b: string; parent: string; elsewhere: string };
  /** Citizen A's appeals at body A, each in the state one procedure acts on. */
  appeals: {
    /** Registered, waiting for publication, with a file: what every read path is asked for. */
    main: Appeal;
    published: Appeal;
    declined: Appeal;
    contested: Appeal;
    toModerate: Appeal;
    toAssign: Appeal;
    toClarify: Appeal;
    toForward: Appeal;
    toExtend: Appeal;
    toAnswer: Appeal;
    toClose: Appeal;
    awaitingClarification: Appeal;
    toRate: Appeal;
    toComplain: Appeal;
    /** Filed by the operator for someone without an account; followed with the printed code. */
    assisted: Appeal;
    /** Another assisted filing, whose code the operator reissues (the first one's code must keep working). */
    assistedToReissue: Appeal;
    /** Citizen A's complaint about body A's answer, filed through body A and not yet passed up. */
    complaintToPassUp: Appeal;
  };
  assistedCode: string;
  attachmentId: string;
  notificationOfA: string;
  extendTo: IsoDate;
  apiKey: { id: string; key: string };
  integratorEmail: string;
  staffTargets: { changeRole: string; disable: string };
  calendarDayToDelete: IsoDate;
  /** An imported register kept elsewhere, whose figures are open data. */
  register: string;
  applicationPolicy: PolicyTerms;
  /** Unique per world, for what must be unique (e-mails, idempotency keys). */
  run: string;
  /** Mailed-link tokens of an unconfirmed registrant, one per actor, since each use spends one. */
  linkTokens: Record<ActorName, { verify: string; reset: string }>;
  /** A code sent to each citizen's phone, as the SMS carried it, for them to confirm. */
  phoneCodes: Record<"citizenA" | "citizenB", { verificationId: string; phone: string; code: string }>;
  /** Grading rounds of body A's answers, one in each state a procedure acts on. */
  grading: { committed: string; grading: string; itemToGrade: string; toClose: string; closed: string };
};

const answerOf = (appealId: string, official: { id: string; bodyId: string }) => ({
  appealId,
  decision: "satisfied" as const,
  // Addressed by name, as answers are, and saying how the body reached the applicant: whoever else reads
  // the answer (the public, an auditor) must find neither.
  text:
    `Құрметті ${CITIZEN_A.fullName}! The courtyard lighting at ${CITIZEN_A.address} was repaired. ` +
    `We called you at +7 701 999 03 17 and wrote to ${CITIZEN_A.email.toUpperCase()} on the same day.`,
  legalGrounds: "Rules for the maintenance of courtyards, para. 4.",
  appealRights: "You may complain to the superior body or to court under the APPC within the legal terms.",
  official,
});

/** The world every cell of the matrix runs in, built once per test file through the domain functions. */
export async function buildAuthorizationWorld(db: Database): Promise<World> {
  const run = randomBytes(4).toString("hex");
  const bodies = {
    a: await bodyIdOf(db, BODY_CODES.a),
    b: await bodyIdOf(db, BODY_CODES.b),
    parent: await bodyIdOf(db, BODY_CODES.parent),
    elsewhere: await bodyIdOf(db, BODY_CODES.elsewhere),
  };
  const citizenA = await createActor(db, "citizen", { fullName: CITIZEN_A.fullName });
  await db
    .update(users)
    .set({ email: CITIZEN_A.email, phone: CITIZEN_A.phone })
    .where(eq(users.id, citizenA.id));
  const actors: Record<ActorName, SessionUser | null> = {
    anonymous: null,
    citizenA: { ...citizenA, email: CITIZEN_A.email },
    citizenB: await createActor(db, "citizen", { fullName: "Бауыржан Басқаұлы" }),
    officialA: await createActor(db, "official", { bodyId: bodies.a, fullName: "Official of A" }),
    officialB: await createActor(db, "official", { bodyId: bodies.b, fullName: "Official of B" }),
    supervisor: await createActor(db, "official", { bodyId: bodies.parent, fullName: "Supervisor of A" }),
    operator: await createActor(db, "operator"),
    moderator: await createActor(db, "moderator"),
    auditor: await createActor(db, "auditor"),
    admin: await createActor(db, "admin"),
  };
  const officialA = { id: actors.officialA?.id ?? "", bodyId: bodies.a };
  // Earlier decisions are another moderator's: the matrix's moderator may then judge a contest of them.
  const moderator0 = await createActor(db, "moderator");

  const file = async (role: string, o: { publishConsent?: boolean; withFile?: boolean } = {}) =>
    (
      await fileAppeal(db, {
        kind: "application",
        bodyId: bodies.a,
        category: "housing_utilities",
        region: "almaty_city",
        subject: `Courtyard lights (${role}) ${run}`,
        text: `The lights in the courtyard of block 12 have been off for a month (${role}, ${run}).`,
        publishConsent: o.publishConsent ?? false,
        locale: "en",
        authorId: citizenA.id,
        applicant: {
          name: CITIZEN_A.fullName,
          email: CITIZEN_A.email,
          phone: CITIZEN_A.phone,
          address: CITIZEN_A.address,
        },
        attachments: o.withFile ? [{ fileName: "photo-of-the-courtyard.pdf", bytes: PDF }] : [],
      })
    ).appeal;
  const decide = (appealId: string, decision: "publish" | "decline") =>
    moderateAppeal(db, {
      appealId,
      moderator: moderator0,
      decision,
      statement: decision === "decline" ? statementOf("not_an_appeal") : null,
    });

  const main = await file("main", { publishConsent: true, withFile: true });
  const published = await file("published", { publishConsent: true });
  await decide(published.id, "publish");
  await answerAppeal(db, answerOf(published.id, officialA));
  // The answer is public only once a moderator reviewed it (issue 14).
  await moderateAppeal(db, { appealId: published.id, moderator: moderator0, decision: "publish_answer" });
  const declined = await file("declined", { publishConsent: true });
  await decide(declined.id, "decline");
  const contested = await file("contested", { publishConsent: true });
  await decide(contested.id, "decline");
  await contestDecision(db, {
    appealId: contested.id,
    citizenId: citizenA.id,
    reason: "It is an appeal about the courtyard, not a complaint about a person.",
  });
  const toClose = await file("toClose");
  await answerAppeal(db, answerOf(toClose.id, officialA));
  const awaitingClarification = await file("awaitingClarification");
  await requestClarification(db, {
    appealId: awaitingClarification.id,
    question: "Which entrance of the block is dark?",
    official: officialA,
  });
  const toRate = await file("toRate");
  await answerAppeal(db, answerOf(toRate.id, officialA));
  const toComplain = await file("toComplain");
  await answerAppeal(db, answerOf(toComplain.id, officialA));
  const toExtend = await file("toExtend");

  if (!actors.operator) throw new Error("no operator");
  const receipt = await fileAssistedAppeal(db, {
    operator: actors.operator,
    applicant: ASSISTED_APPLICANT,
    kind: "application",
    bodyId: bodies.b,
    category: "housing_utilities",
    region: "almaty_city",
    subject: `Assisted filing ${run}`,
    text: `A pensioner asks for the heating of block 3 to be checked (${run}).`,
    publishConsent: false,
    locale: "ru",
    idempotencyKey: crypto.randomUUID(),
  });
  const [assisted] = await db.select().from(appeals).where(eq(appeals.id, receipt.id));
  const toReissue = await fileAssistedAppeal(db, {
    operator: actors.operator,
    applicant: ASSISTED_APPLICANT,
    kind: "application",
    bodyId: bodies.b,
    category: "housing_utilities",
    region: "almaty_city",
    subject: `Assisted filing to reissue ${run}`,
    text: `A pensioner lost the receipt of the heating appeal (${run}).`,
    publishConsent: false,
    locale: "kk",
    idempotencyKey: crypto.randomUUID(),
  });
  const [assistedToReissue] = await db.select().from(appeals).where(eq(appeals.id, toReissue.id));
  const complained = await file("complained");
  await answerAppeal(db, answerOf(complained.id, officialA));
  const complaintToPassUp = await fileComplaint(db, {
    appealId: complained.id,
    citizenId: citizenA.id,
    text: `The courtyard is still dark although the answer says it was repaired (${run}).`,
    publishConsent: false,
    locale: "en",
    idempotencyKey: crypto.randomUUID(),
  });
  const [attachment] = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(eq(attachments.appealId, main.id));
  const [notice] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.userId, citizenA.id))
    .limit(1);
  if (!assisted || !assistedToReissue || !attachment || !notice) throw new Error("world incomplete");

  const integrator = await createActor(db, "citizen", { fullName: "City app integrator" });
  const apiKey = await issueApiKey(db, {
    name: `Matrix client ${run}`,
    accountEmail: integrator.email,
    adminId: actors.admin?.id ?? "",
  });
  const calendarDayToDelete = "2099-01-05";
  await saveCalendarDay(db, {
    date: calendarDayToDelete,
    kind: "holiday",
    name: "A day the admin removes",
    adminId: actors.admin?.id ?? "",
  });
  const register = `matrix-${run}`;
  await importRegister(db, {
    records: (async function* () {
      yield { line: 2, record: { id: "M-1", filed: "2024-03-04 09:00", agency: "Matrix agency" } };
    })(),
    mapping: RegisterMapping.parse({
      source: register,
      timeZone: "Asia/Almaty",
      columns: { id: "id", filedAt: "filed", agency: "agency" },
    }),
  });
  const [policy] = (await listDeadlinePolicies(db)).filter((p) => p.kind === "application");
  if (!policy) throw new Error("no policy for applications");

  // The dashboards and the auditor's lists read the summary tables: bring them up to the world.
  await refreshMetrics(db);

  return {
    actors,
    bodies,
    appeals: {
      main,
      published,
      declined,
      contested,
      toModerate: await file("toModerate", { publishConsent: true }),
      toAssign: await file("toAssign"),
      toClarify: await file("toClarify"),
      toForward: await file("toForward"),
      toExtend,
      toAnswer: await file("toAnswer"),
      toClose,
      awaitingClarification,
      toRate,
      toComplain,
      assisted,
      assistedToReissue,
      complaintToPassUp,
    },
    assistedCode: receipt.accessCode,
    attachmentId: attachment.id,
    notificationOfA: notice.id,
    extendTo: addCalendarDays(almatyDate(toExtend.dueAt), 7),
    apiKey: { id: apiKey.id, key: apiKey.key },
    integratorEmail: integrator.email,
    staffTargets: {
      changeRole: (await createActor(db, "auditor")).id,
      disable: (await createActor(db, "operator")).id,
    },
    calendarDayToDelete,
    register,
    applicationPolicy: {
      considerationWorkingDays: policy.considerationWorkingDays,
      extensionMaxCalendarMonths: policy.extensionMaxCalendarMonths,
      extensionNoticeWorkingDays: policy.extensionNoticeWorkingDays,
      forwardingWorkingDays: policy.forwardingWorkingDays,
      clarificationPausesClock: policy.clarificationPausesClock,
    },
    run,
    linkTokens: await linkTokensFor(db),
    phoneCodes: {
      citizenA: await phoneCodeFor(db, citizenA.id, "+77010000401"),
      citizenB: await phoneCodeFor(db, actors.citizenB?.id ?? "", "+77010000402"),
    },
    grading: await gradingRoundsOf(db),
  };
}

/** A code sent by SMS, read off the SMS queued for the phone (the code's hash is all the database keeps). */
async function phoneCodeFor(db: Database, userId: string, phone: string) {
  const { verificationId } = await sendPhoneCode(db, { phone, requestedById: userId, locale: "kk" });
  const [sms] = await db
    .select({ text: smsMessages.text })
    .from(smsMessages)
    .where(eq(smsMessages.to, phone));
  const code = sms?.text.match(/\d{6}/)?.[0];
  if (!code) throw new Error("no code was sent");
  return { verificationId, phone, code };
}

/**
 * Rounds over body A's answered appeals of this month, graded by two auditors who are not actors: the
 * actor auditor has graded nothing, so each grading cell finds its item open.
 */
async function gradingRoundsOf(db: Database): Promise<World["grading"]> {
  const now = new Date();
  const graders = [await createActor(db, "auditor"), await createActor(db, "auditor")];
  const open = async () =>
    (
      await openGradingRound(db, {
        title: "Matrix round",
        period: { from: monthOf(now), to: monthOf(now) },
        bodyCodes: [BODY_CODES.a],
        marginOfError: 0.5,
        confidence: "0.9",
        auditorId: graders[0]?.id ?? "",
        now,
      })
    ).id;
  const drawn = async () => {
    const id = await open();
    await drawGradingRound(db, { roundId: id, now });
    return id;
  };
  const graded = async () => {
    const id = await drawn();
    for (const item of await db.select().from(gradingItems).where(eq(gradingItems.roundId, id)))
      for (const grader of graders)
        await gradeItem(db, {
          itemId: item.id,
          graderId: grader.id,
          scores: Object.fromEntries(RUBRIC.items.map((r) => [r.key, r.scale[0]?.value ?? 0])),
          now,
        });
    return id;
  };
  const grading = await drawn();
  const [item] = await db.select().from(gradingItems).where(eq(gradingItems.roundId, grading));
  if (!item) throw new Error("the matrix round drew nothing");
  const closed = await graded();
  await closeGradingRound(db, { roundId: closed, now });
  return { committed: await open(), grading, itemToGrade: item.id, toClose: await graded(), closed };
}

/** A link to confirm an address and one to reset a password, for each actor to follow. */
async function linkTokensFor(db: Database): Promise<World["linkTokens"]> {
  const tokens = {} as World["linkTokens"];
  for (const actor of ACTORS) {
    // One registrant each: a reset spends every reset link of its account.
    const registrant = await createActor(db, "citizen", { unverified: true });
    tokens[actor] = {
      verify: await issueAccountToken(db, { userId: registrant.id, purpose: "verify_email" }),
      reset: await issueAccountToken(db, { userId: registrant.id, purpose: "reset_password" }),
    };
  }
  return tokens;
}

/** Every appeal's subject, text and number: none may show in a refusal. */
export function objectFieldsOf(w: World): string[] {
  return Object.values(w.appeals).flatMap((a) => [a.subject, a.text, a.number, a.id]);
}
