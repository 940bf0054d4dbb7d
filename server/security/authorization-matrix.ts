import { randomUUID } from "node:crypto";
import { ACTORS, type ActorName, type World } from "@/test/authorization-world";

/**
 * Who may call what, written as data (OWASP ASVS 5.0 V8): every tRPC procedure and every route handler
 * against the ten actors of test/authorization-world.ts. authorization-matrix.test.ts runs each cell;
 * a procedure or route missing here, or an entry naming one that no longer exists, fails it.
 *
 * A cell not listed as allowed is denied: it must answer UNAUTHORIZED, FORBIDDEN or NOT_FOUND and carry
 * nothing of the object. The inputs name the world's objects, so the denials are about a real appeal of
 * citizen A at body A in the state where the action would otherwise succeed.
 *
 * An allowed cell must answer with data, not merely "not an authorization error": every mutation has an
 * object of its own in the state its action needs, and the refusals run before it, so no allowed cell
 * needs a domain error explained away and the order of the rows does not matter.
 */

export type ProcedureRule = {
  /** Who may, in plain words: the reason the allowed set is what it is. */
  rule: string;
  allowed: readonly ActorName[];
  /** The input every actor sends; none for procedures without input. */
  input?: (w: World, as: ActorName) => unknown;
  /** What an allowed cell must answer, where the answer itself shows the object was out of reach. */
  expect?: (w: World, as: ActorName) => unknown;
  /**
   * Beyond citizen A, the officials of body A and their supervisor, who else legitimately receives
   * citizen A's personal data from this procedure, and why. Kept to the very few that must.
   */
  personalDataAlsoTo?: { actors: readonly ActorName[]; why: string };
};

const EVERYONE = ACTORS;
const SIGNED_IN = EVERYONE.filter((a) => a !== "anonymous");
const CITIZENS: readonly ActorName[] = ["citizenA", "citizenB"];
const OFFICIALS: readonly ActorName[] = ["officialA", "officialB", "supervisor"];
/** Those who read citizen A's appeal at body A: its author, the body, and the body above it. */
const READERS_OF_A: readonly ActorName[] = ["citizenA", "officialA", "supervisor"];

const PUBLIC = "public: the dashboards, the directory and published appeals are for anyone";
const ADMIN = "admins only: configuration and accounts";
const HANDLING_BODY =
  "only an official of the body holding the appeal acts on it; a supervisor reads but does not act";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
const statement = {
  ground: "not_an_appeal",
  facts: "Stated by the matrix test.",
  sourceType: "SOURCE_VOLUNTARY",
};

export const PROCEDURE_MATRIX: Record<string, ProcedureRule> = {
  // ---- account -------------------------------------------------------------------------------------
  "account.register": {
    rule: "anyone may open a citizen account",
    allowed: EVERYONE,
    input: (w, as) => ({
      fullName: "New Citizen",
      email: `register-${as}-${w.run}@example.kz`,
      password: "violet harbour lantern 58",
      locale: "en",
    }),
  },
  "account.verifyEmail": {
    rule: "whoever holds the link mailed to the address: the token is the proof, not a session",
    allowed: EVERYONE,
    input: (w, as) => ({ token: w.linkTokens[as].verify }),
  },
  "account.requestPasswordReset": {
    rule: "anyone may ask; the link goes only to the address, and the answer says nothing of the account",
    allowed: EVERYONE,
    input: (w, as) => ({ email: `reset-${as}-${w.run}@example.kz` }),
  },
  "account.resetPassword": {
    rule: "whoever holds the reset link mailed to the address: the token is the proof, not a session",
    allowed: EVERYONE,
    input: (w, as) => ({ token: w.linkTokens[as].reset, password: "violet harbour lantern 58" }),
  },
  "account.profile": { rule: "each signed-in user reads their own profile", allowed: SIGNED_IN },
  "account.sendPhoneCode": {
    rule: "a citizen asks for a code to their own phone, for SMS notices",
    allowed: CITIZENS,
    input: (_w, as) => ({
      phone: `+7 701 000 05 ${String(ACTORS.indexOf(as)).padStart(2, "0")}`,
      locale: "kk",
    }),
  },
  "account.confirmPhone": {
    rule: "a citizen confirms a code sent at their own request; someone else's code matches nothing",
    allowed: CITIZENS,
    input: (w, as) => (as === "citizenB" ? w.phoneCodes.citizenB : w.phoneCodes.citizenA),
  },
  "account.removePhone": { rule: "a citizen removes their own phone", allowed: CITIZENS },

  // ---- appeal (the citizen's side) ----------------------------------------------------------------
  "appeal.file": {
    rule: "citizens with a confirmed e-mail file appeals under their own name",
    allowed: CITIZENS,
    input: (w) =>
      form({
        kind: "application",
        bodyId: w.bodies.a,
        category: "housing_utilities",
        subject: "A bench in the park is broken",
        text: "The bench next to the fountain in the park has been broken since spring.",
        locale: "en",
        idempotencyKey: randomUUID(),
      }),
  },
  "appeal.mine": { rule: "citizens list their own appeals", allowed: CITIZENS },
  "appeal.get": {
    rule: "an appeal's own page is its author's",
    allowed: ["citizenA"],
    input: (w) => ({ id: w.appeals.main.id }),
  },
  "appeal.provideClarification": {
    rule: "only the author answers the body's question",
    allowed: ["citizenA"],
    input: (w) =>
      form({ appealId: w.appeals.awaitingClarification.id, reply: "The dark entrance is the second one." }),
  },
  "appeal.rate": {
    rule: "only the author rates the answer",
    allowed: ["citizenA"],
    input: (w) => ({ appealId: w.appeals.toRate.id, outcome: "resolved", quality: 4, heard: true }),
  },
  "appeal.complain": {
    rule: "only the author complains about the answer",
    allowed: ["citizenA"],
    input: (w) => ({
      appealId: w.appeals.toComplain.id,
      text: "The lights were not repaired: the courtyard is still dark every night.",
      publishConsent: false,
      locale: "en",
      idempotencyKey: randomUUID(),
    }),
  },

  // ---- directory -----------------------------------------------------------------------------------
  "directory.list": { rule: PUBLIC, allowed: EVERYONE, input: () => ({ locale: "en" }) },
  "directory.suggest": {
    rule: PUBLIC,
    allowed: EVERYONE,
    input: () => ({ category: "housing_utilities", region: "almaty_city" }),
  },

  "directory.suggestFromText": {
    rule: "whoever signed in and files (citizen, operator) may ask which bodies hear such a text; it reveals no appeal",
    allowed: SIGNED_IN,
    input: () => ({
      text: "Жолда үлкен шұңқырлар бар, асфальт бұзылған.",
      category: null,
      region: "almaty_city",
    }),
  },

  // ---- accounts, admin, apiKeys -------------------------------------------------------------------
  "accounts.list": { rule: ADMIN, allowed: ["admin"], input: () => ({}) },
  "accounts.create": {
    rule: ADMIN,
    allowed: ["admin"],
    input: (w, as) => ({
      fullName: "New Auditor",
      email: `staff-${as}-${w.run}@example.kz`,
      role: "auditor",
      bodyId: null,
    }),
  },
  "accounts.changeRole": {
    rule: ADMIN,
    allowed: ["admin"],
    input: (w) => ({ userId: w.staffTargets.changeRole, role: "moderator", bodyId: null }),
  },
  "accounts.setDisabled": {
    rule: ADMIN,
    allowed: ["admin"],
    input: (w) => ({ userId: w.staffTargets.disable, disabled: true }),
  },
  "admin.calendarDays": { rule: ADMIN, allowed: ["admin"], input: () => ({ year: 2026 }) },
  "admin.calendarYear": { rule: ADMIN, allowed: ["admin"], input: () => ({ year: 2026 }) },
  "admin.saveCalendarDay": {
    rule: ADMIN,
    allowed: ["admin"],
    input: () => ({ date: "2099-03-10", kind: "holiday", name: "A day the admin adds" }),
  },
  "admin.deleteCalendarDay": {
    rule: ADMIN,
    allowed: ["admin"],
    input: (w) => ({ date: w.calendarDayToDelete }),
  },
  "admin.policies": { rule: ADMIN, allowed: ["admin"] },
  "admin.updatePolicy": {
    rule: ADMIN,
    allowed: ["admin"],
    input: (w) => ({ kind: "application", ...w.applicationPolicy }),
  },
  "admin.outbox": {
    rule: "admins only, and only while no SMTP server is configured (list-outbox.ts)",
    allowed: ["admin"],
    personalDataAlsoTo: {
      actors: ["admin"],
      why:
        "the outbox is the mail transport itself when no SMTP server is set up (development and the demo): " +
        "it holds the notices addressed to citizen A. With SMTP_URL set it answers NOT_FOUND.",
    },
  },
  "admin.smsOutbox": {
    rule: "admins only, and only while no SMSC is configured (list-sms-outbox.ts)",
    allowed: ["admin"],
    personalDataAlsoTo: {
      actors: ["admin"],
      why:
        "the SMS outbox is the SMS transport itself when no SMSC is set up (development and the demo): " +
        "it holds the phone numbers SMS go to. With SMPP_URL set it answers NOT_FOUND.",
    },
  },
  "apiKeys.list": { rule: ADMIN, allowed: ["admin"] },
  "apiKeys.issue": {
    rule: ADMIN,
    allowed: ["admin"],
    input: (w) => ({ name: "Matrix client 2", accountEmail: w.integratorEmail }),
  },
  "apiKeys.revoke": { rule: ADMIN, allowed: ["admin"], input: (w) => ({ id: w.apiKey.id }) },

  // ---- inbox (the body's side) --------------------------------------------------------------------
  "inbox.list": {
    rule: "the officials of body A and of the body above it read A's inbox; B's officials do not",
    allowed: ["officialA", "supervisor"],
    input: (w) => ({ tab: "new", bodyId: w.bodies.a }),
  },
  "inbox.appeal": {
    rule: "the handling body and its supervisor read the appeal with the applicant's contacts",
    allowed: ["officialA", "supervisor"],
    input: (w) => ({ appealId: w.appeals.main.id }),
  },
  "inbox.executors": { rule: "officials see their own body's officials", allowed: OFFICIALS },
  "inbox.bodies": { rule: "officials pick a body to forward to from the directory", allowed: OFFICIALS },
  "inbox.assign": {
    rule: HANDLING_BODY,
    allowed: ["officialA"],
    input: (w) => ({ appealId: w.appeals.toAssign.id, executorId: w.actors.officialA?.id }),
  },
  "inbox.requestClarification": {
    rule: HANDLING_BODY,
    allowed: ["officialA"],
    input: (w) => ({ appealId: w.appeals.toClarify.id, question: "Which entrance of the block is dark?" }),
  },
  "inbox.forward": {
    rule: HANDLING_BODY,
    allowed: ["officialA"],
    input: (w) => ({
      appealId: w.appeals.toForward.id,
      toBodyId: w.bodies.elsewhere,
      reason: "The courtyard is in Astana, not in this district.",
    }),
  },
  "inbox.extend": {
    rule: HANDLING_BODY,
    allowed: ["officialA"],
    input: (w) => ({
      appealId: w.appeals.toExtend.id,
      newDueOn: w.extendTo,
      reason: "The lighting contractor must inspect the whole block first.",
      decidedBy: "Deputy akim of the district",
    }),
  },
  "inbox.answer": {
    rule: HANDLING_BODY,
    allowed: ["officialA"],
    input: (w) =>
      form({
        appealId: w.appeals.toAnswer.id,
        decision: "satisfied",
        text: "The lights in the courtyard of block 12 were repaired; they work every night now.",
        legalGrounds: "Rules for the maintenance of courtyards, para. 4.",
        appealRights: "You may complain to the superior body or to court under the APPC.",
      }),
  },
  "inbox.passComplaintUp": {
    rule: "only an official of the body a complaint was filed through passes it up (APPC Art. 91(4))",
    allowed: ["officialA"],
    input: (w) => ({ appealId: w.appeals.complaintToPassUp.id }),
  },
  "inbox.checkAnswer": {
    rule: "only an official of the body holding the appeal checks a draft answer to it",
    allowed: ["officialA"],
    input: (w) => ({
      appealId: w.appeals.toAnswer.id,
      decision: "satisfied",
      text: "The lights in the courtyard of block 12 were repaired.",
      legalGrounds: "Rules for the maintenance of courtyards, para. 4.",
      appealRights: "You may complain to the superior body or to court within three months.",
    }),
  },
  "inbox.close": {
    rule: HANDLING_BODY,
    allowed: ["officialA"],
    input: (w) => ({ appealId: w.appeals.toClose.id }),
  },

  // ---- metrics (public dashboards) ----------------------------------------------------------------
  "replica.lag": { rule: PUBLIC, allowed: EVERYONE },
  "metrics.overview": { rule: PUBLIC, allowed: EVERYONE, input: () => ({}) },
  "metrics.league": { rule: PUBLIC, allowed: EVERYONE, input: () => ({ sort: "received" }) },
  "metrics.map": { rule: PUBLIC, allowed: EVERYONE, input: () => ({ metric: "received" }) },
  "metrics.trend": { rule: PUBLIC, allowed: EVERYONE, input: () => ({}) },
  "metrics.answers": { rule: PUBLIC, allowed: EVERYONE, input: () => ({ region: "almaty_city" }) },
  "metrics.body": {
    rule: PUBLIC,
    allowed: EVERYONE,
    input: () => ({ code: "akimat-almaty-city-bostandyk" }),
  },
  "metrics.region": { rule: PUBLIC, allowed: EVERYONE, input: () => ({ code: "almaty_city" }) },
  "metrics.clock": { rule: PUBLIC, allowed: EVERYONE, input: () => ({ region: "almaty_city" }) },

  // ---- audit ----------------------------------------------------------------------------------------
  "audit.figure": {
    rule: "auditors read the appeals behind a figure, never who filed them",
    allowed: ["auditor"],
    input: () => ({ figure: "received" }),
  },
  "audit.appeal": {
    rule: "auditors read any appeal's content, never who filed it",
    allowed: ["auditor"],
    // Answered, in words that name and reach citizen A: the auditor must read neither.
    input: (w) => ({ id: w.appeals.published.id }),
  },

  // ---- grading (docs/grading.md) ----------------------------------------------------------------------
  "grading.open": {
    rule: "auditors open grading rounds",
    allowed: ["auditor"],
    input: () => ({
      title: "A round from the matrix",
      period: { from: "2026-01", to: "2026-12" },
      marginOfError: 0.1,
      confidence: "0.95",
    }),
  },
  "grading.draw": {
    rule: "auditors draw a committed round's sample",
    allowed: ["auditor"],
    input: (w) => ({ roundId: w.grading.committed }),
  },
  "grading.close": {
    rule: "auditors close a fully graded round",
    allowed: ["auditor"],
    input: (w) => ({ roundId: w.grading.toClose }),
  },
  "grading.rounds": { rule: "auditors list the rounds", allowed: ["auditor"] },
  "grading.round": {
    rule: "auditors follow a round: counts of grades, never others' scores",
    allowed: ["auditor"],
    input: (w) => ({ roundId: w.grading.grading }),
  },
  "grading.item": {
    rule: "auditors read a sampled answer blind: no body, no applicant",
    allowed: ["auditor"],
    // Body A's answers name and reach citizen A: the grader must read neither.
    input: (w) => ({ itemId: w.grading.itemToGrade }),
  },
  "grading.grade": {
    rule: "auditors grade each sampled answer once",
    allowed: ["auditor"],
    input: (w) => ({
      itemId: w.grading.itemToGrade,
      scores: {
        answers_question: 2,
        names_legal_ground: 1,
        says_what_and_when: 0,
        in_appeal_language: 1,
        respectful: 2,
      },
    }),
  },
  "grading.publishedRounds": { rule: "closed rounds are public", allowed: EVERYONE },
  "grading.publishedRound": {
    rule: "a closed round's results are public",
    allowed: EVERYONE,
    input: (w) => ({ roundId: w.grading.closed }),
  },

  // ---- moderation -----------------------------------------------------------------------------------
  "moderation.queue": { rule: "moderators only", allowed: ["moderator"] },
  "moderation.find": {
    rule: "moderators only",
    allowed: ["moderator"],
    input: (w) => ({ number: w.appeals.main.number }),
  },
  "moderation.get": {
    rule: "moderators read what they decide on (subject, text, answer, pre-marked), without the applicant, never in their body's tree",
    allowed: ["moderator"],
    input: (w) => ({ appealId: w.appeals.main.id }),
  },
  "moderation.decide": {
    rule: "moderators only, never in their body's tree",
    allowed: ["moderator"],
    input: (w) => ({ appealId: w.appeals.toModerate.id, decision: "publish" }),
  },
  "moderation.decideContest": {
    rule: "a moderator other than the one who decided",
    allowed: ["moderator"],
    input: (w) => ({ appealId: w.appeals.contested.id, outcome: "upheld", ...statement }),
  },
  "moderation.publication": {
    rule: "the author reads where the publication of their appeal stands",
    allowed: ["citizenA"],
    input: (w) => ({ appealId: w.appeals.main.id }),
  },
  "moderation.contest": {
    rule: "the author contests a restriction of their appeal, once",
    allowed: ["citizenA"],
    input: (w) => ({
      appealId: w.appeals.declined.id,
      reason: "This is an appeal about the courtyard lights.",
    }),
  },
  "moderation.log": { rule: "the moderation log is public", allowed: EVERYONE, input: () => ({}) },
  "moderation.figures": { rule: "the moderation log is public", allowed: EVERYONE },
  "moderation.checkpoint": { rule: "the moderation log is public", allowed: EVERYONE },

  // ---- notifications --------------------------------------------------------------------------------
  "notification.list": { rule: "each user reads their own", allowed: SIGNED_IN, input: () => ({ page: 1 }) },
  "notification.unreadCount": { rule: "each user counts their own", allowed: SIGNED_IN },
  "notification.markRead": {
    rule: "each user marks their own: someone else's notice matches nothing",
    allowed: SIGNED_IN,
    input: (w) => ({ ids: [w.notificationOfA] }),
    expect: (_w, as) => (as === "citizenA" ? 1 : 0),
  },

  // ---- operator -------------------------------------------------------------------------------------
  "operator.file": {
    rule: "operators file for citizens at a service centre",
    allowed: ["operator"],
    input: (w) =>
      form({
        applicantName: "Гүлнар Көмекқызы",
        phone: "+7 702 000 00 02",
        locale: "ru",
        kind: "application",
        category: "housing_utilities",
        bodyId: w.bodies.b,
        subject: "Heating in block 3",
        text: "The radiators in block 3 are cold although the heating season has started.",
        consent: "true",
        idempotencyKey: randomUUID(),
      }),
  },
  "operator.sendPhoneCode": {
    rule: "operators send a code to the phone of the citizen at the desk, who reads it out for the filing",
    allowed: ["operator"],
    input: () => ({ phone: "+7 701 000 06 01", locale: "ru" }),
  },
  "operator.listFiled": { rule: "an operator lists what they filed", allowed: ["operator"] },
  "operator.receipt": {
    rule: "an operator prints the receipt of their own filing",
    allowed: ["operator"],
    input: (w) => ({ id: w.appeals.assisted.id }),
  },

  "operator.reissueCode": {
    rule: "the operator who filed an appeal prints a new access code for it; the old one stops working",
    allowed: ["operator"],
    input: (w) => ({ id: w.appeals.assistedToReissue.id }),
  },

  // ---- public appeals -------------------------------------------------------------------------------
  "openData.snapshots": { rule: "public: the signed daily snapshots of the open data", allowed: EVERYONE },
  "openData.registers": { rule: "public: the registers imported from elsewhere", allowed: EVERYONE },
  "openData.register": {
    rule: "public: an imported register's figures, counts and times only",
    allowed: EVERYONE,
    input: (w) => ({ source: w.register }),
  },
  "publicAppeals.list": { rule: PUBLIC, allowed: EVERYONE, input: () => ({}) },
  "publicAppeals.get": {
    rule: PUBLIC,
    allowed: EVERYONE,
    input: (w) => ({ number: w.appeals.published.number }),
  },
  "publicAppeals.support": {
    rule: "other citizens with a confirmed e-mail support a public appeal; its author may not (it would inflate the count)",
    allowed: ["citizenB"],
    input: (w) => ({ number: w.appeals.published.number }),
  },

  // ---- track ------------------------------------------------------------------------------------------
  "track.appeal": {
    rule: "whoever holds the number and the printed code",
    allowed: EVERYONE,
    input: (w) => ({ number: w.appeals.assisted.number, code: w.assistedCode }),
  },
};

// ---- Route handlers ---------------------------------------------------------------------------------

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteRule = {
  access:
    | "public"
    | "api-key"
    | "session, readableAppeals"
    | "tRPC: each procedure's own rule (PROCEDURE_MATRIX)"
    | "next-auth";
  rule: string;
  /** For session-checked routes: who gets the object; every other actor gets 404. */
  allowed?: readonly ActorName[];
  /** A cell that needs a browser or a running server, and the end-to-end test that covers it. */
  e2e?: { spec: string; mentions: string; covers: string };
};

export const ROUTE_MATRIX: Record<string, Partial<Record<HttpMethod, RouteRule>>> = {
  "app/api/attachments/[id]/route.ts": {
    GET: {
      access: "session, readableAppeals",
      rule: "a file goes to whoever may read its appeal; to anyone else it does not exist (404)",
      allowed: READERS_OF_A,
    },
  },
  "app/api/auth/[...nextauth]/route.ts": {
    GET: {
      access: "next-auth",
      rule: "public: the CSRF token and the session of the caller's own cookie",
      e2e: {
        spec: "e2e/support.ts",
        mentions: "/api/auth/csrf",
        covers: "every journey signs in through the CSRF token and the credentials callback",
      },
    },
    POST: {
      access: "next-auth",
      rule: "public sign-in and sign-out, refused cross-origin and with a repeated field, locked per account and per socket address",
      e2e: {
        spec: "e2e/security.spec.ts",
        mentions: "next-auth.session-token",
        covers: "the session cookie is HttpOnly and SameSite once signed in",
      },
    },
  },
  "app/api/exports/grading-rounds/[id]/sample.csv/route.ts": {
    GET: {
      access: "public",
      rule: "open data: a closed grading round's sample and grades, by token and pseudonym",
    },
  },
  "app/api/exports/grading-rounds/[id]/sample.json/route.ts": {
    GET: {
      access: "public",
      rule: "open data: a closed grading round's sample and grades, by token and pseudonym",
    },
  },
  "app/api/exports/metrics.csv/route.ts": {
    GET: { access: "public", rule: "open data: counts per body and month" },
  },
  "app/api/exports/metrics.json/route.ts": {
    GET: { access: "public", rule: "open data: counts per body and month" },
  },
  "app/api/exports/answers.csv/route.ts": {
    GET: {
      access: "public",
      rule: "open data: decisions, verdicts and answer figures per body, counts only",
    },
  },
  "app/api/exports/answers.json/route.ts": {
    GET: {
      access: "public",
      rule: "open data: decisions, verdicts and answer figures per body, counts only",
    },
  },
  "app/api/exports/register-figures.csv/route.ts": {
    GET: { access: "public", rule: "open data: an imported register's figures, counts and times only" },
  },
  "app/api/exports/register-figures.json/route.ts": {
    GET: { access: "public", rule: "open data: an imported register's figures, counts and times only" },
  },
  "app/api/exports/public-appeals.csv/route.ts": {
    GET: { access: "public", rule: "open data: published appeals only, without the applicant" },
  },
  "app/api/exports/public-appeals.json/route.ts": {
    GET: { access: "public", rule: "open data: published appeals only, without the applicant" },
  },
  "app/api/health/route.ts": { GET: { access: "public", rule: "whether the database answers" } },
  "app/api/moderation-log/route.ts": { GET: { access: "public", rule: "the public moderation log" } },
  "app/api/moderation-log/checkpoint/route.ts": {
    GET: { access: "public", rule: "the signed checkpoint of the public log" },
  },
  "app/api/moderation-log/checkpoints/route.ts": {
    GET: { access: "public", rule: "every signed checkpoint of the public log" },
  },
  "app/api/open311/[resource]/route.ts": { GET: { access: "public", rule: "Open311 discovery" } },
  "app/api/open311/v2/[resource]/route.ts": {
    GET: {
      access: "public",
      rule: "Open311 services and requests: status and body of every appeal, text only if published",
    },
    POST: { access: "api-key", rule: "filing needs an unrevoked key an admin issued" },
  },
  "app/api/open311/v2/requests/[id]/route.ts": {
    GET: { access: "public", rule: "one Open311 request: status and body, text only if published" },
  },
  "app/api/open311/v2/services/[code]/route.ts": {
    GET: { access: "public", rule: "an Open311 service definition" },
  },
  "app/api/openapi.json/route.ts": { GET: { access: "public", rule: "the API description" } },
  "app/api/trpc/[trpc]/route.ts": {
    GET: {
      access: "tRPC: each procedure's own rule (PROCEDURE_MATRIX)",
      rule: "no session is anonymous, whatever the headers say",
    },
    POST: {
      access: "tRPC: each procedure's own rule (PROCEDURE_MATRIX)",
      rule: "as GET, and a mutation from another origin is refused before any procedure runs",
    },
  },
  "app/.well-known/security.txt/route.ts": { GET: { access: "public", rule: "RFC 9116 contact" } },
  "app/open-data/index.json/route.ts": {
    GET: { access: "public", rule: "open data: the list of signed daily snapshots" },
  },
  "app/open-data/[date]/[file]/route.ts": {
    GET: {
      access: "public",
      rule: "open data: a snapshot's signed manifest and files (published appeals only, no applicant)",
    },
  },
};
