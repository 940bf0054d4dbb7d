import { asc } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { moderationLog } from "@/db/schema";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { rateAnswer } from "@/server/appeals/rate-answer";
import { snakeCase } from "@/server/metrics/snake-case";
import { isGradingContent, type LogEntryContent } from "@/server/moderation/append-log-entry";
import { canonicalize, type Json } from "@/server/moderation/canonical-json";
import { decideContest } from "@/server/moderation/decide-contest";
import { moderateAppeal } from "@/server/moderation/moderate-appeal";
import { callerFor } from "@/test/actors";
import { buildAuthorizationWorld, PERSONAL_MARKERS, type World } from "@/test/authorization-world";
import { useTestDatabase } from "@/test/database";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: () => state.db,
  getReadDatabase: () => state.db,
}));

const appealsJson = await import("@/app/api/exports/public-appeals.json/route");
const metricsJson = await import("@/app/api/exports/metrics.json/route");
const metricsCsv = await import("@/app/api/exports/metrics.csv/route");

/**
 * The exact fields each public output carries, written out by hand: a field added to a public answer is
 * a decision about what the public learns, so it fails here until someone lists it on purpose.
 */
const keys = (value: unknown) => Object.keys(value as object).sort();
const sorted = (list: string[]) => [...list].sort();

const BODY = ["id", "nameEn", "nameKk", "nameRu"];
const GRADING_CONTENT = ["seq", "prev", "time", "action", "round", "seed_sha256", "seed", "sample_sha256"];
const SUMMARY = [
  "number",
  "kind",
  "category",
  "region",
  "status",
  "overdue",
  "subject",
  "body",
  "filedAt",
  "answeredAt",
  "supportCount",
];
const COUNTS = [
  "received",
  "application",
  "message",
  "response",
  "proposal",
  "request",
  "complaint",
  "due",
  "answered",
  "onTime",
  "overdue",
  "forwarded",
  "pingPong",
  "extended",
  "clarified",
  "rated",
  "resolved",
  "partly",
  "notResolved",
  "qualitySum",
  "heard",
  "complained",
  "complaintUpheld",
  "formal",
  "declined",
  "hidden",
  "redacted",
  "reversed",
];
const RATES = [
  "responseRate",
  "onTimeRate",
  "overdueShare",
  "extendedShare",
  "clarifiedShare",
  "forwardedShare",
  "pingPongShare",
  "resolvedShare",
  "partlyShare",
  "notResolvedShare",
  "meanQuality",
  "heardShare",
  "complaintRate",
  "upheldShare",
  "formalShare",
];
const LEAGUE_ROW = [
  "bodyId",
  "code",
  "nameKk",
  "nameRu",
  "nameEn",
  "region",
  "level",
  "received",
  "due",
  "answered",
  "rated",
  "overdue",
  "responseRate",
  "onTimeRate",
  "medianDays",
  "p90Days",
  "meanQuality",
  "heardShare",
  "complaintRate",
  "formalShare",
  "base",
  "small",
  "score",
];
const TREND_POINT = [
  "month",
  "received",
  "due",
  "answered",
  "onTime",
  "overdue",
  "responseRate",
  "onTimeRate",
  "medianDays",
];
const CATEGORY_ROW = ["category", "received", "due", "answered", "responseRate", "onTimeRate"];
const LOG_ENTRY = ["seq", "at", "content", "appealIsPublic", "contest"];
const ENTRY_CONTENT = [
  "seq",
  "prev",
  "time",
  "appeal",
  "action",
  "statement",
  "moderator",
  "contest",
  "binding",
];
const STATEMENT = [
  "decision_visibility",
  "decision_ground",
  "category",
  "tyndau_ground",
  "decision_facts",
  "automated_detection",
  "automated_decision",
  "source_type",
  "source_identity",
  "application_date",
  "puid",
];
const BODY_NAMES = ["nameKk", "nameRu", "nameEn"];
const COURT = "Specialised Inter-District Administrative Court of Almaty";

describe("public outputs, field by field", () => {
  const db = useTestDatabase();
  let w: World;
  let courtOrdered: { number: string; seq: number };
  let contestDecidedSeq: number;
  const anyone = () => callerFor(db(), null);

  beforeAll(async () => {
    state.db = db();
    w = await buildAuthorizationWorld(db());
    const citizenA = w.actors.citizenA;
    if (!citizenA) throw new Error("no citizen A");
    await rateAnswer(db(), {
      appealId: w.appeals.published.id,
      citizenId: citizenA.id,
      outcome: "partly",
      quality: 3,
      heard: true,
    });
    // The assisted appeal is at body B: its answer is what tracking by code shows.
    const officialB = w.actors.officialB;
    if (!officialB?.bodyId) throw new Error("no official of B");
    await answerAppeal(db(), {
      appealId: w.appeals.assisted.id,
      decision: "partly_satisfied",
      text: "The heating of block 3 was checked and two radiators were replaced by the housing company.",
      legalGrounds: "Rules for the provision of utility services, para. 12.",
      appealRights: "You may complain to the superior body or to court under the APPC.",
      official: { id: officialB.id, bodyId: officialB.bodyId },
    });
    // The log then holds every kind of content: a publication without reasons, declines with them, a
    // court's order (a named source), and the contest of a decline decided by another moderator.
    const moderator = w.actors.moderator;
    if (!moderator) throw new Error("no moderator");
    const { appeal: ordered } = await filePublicAppeal(db(), { state: "published", moderator });
    const hidden = await moderateAppeal(db(), {
      appealId: ordered.id,
      moderator,
      decision: "hide",
      statement: {
        ground: "unlawful_content",
        facts: "The court ordered the text taken down.",
        sourceType: "SOURCE_COURT",
        sourceIdentity: COURT,
      },
    });
    courtOrdered = { number: ordered.number, seq: hidden.seq };
    const upheld = await decideContest(db(), {
      appealId: w.appeals.contested.id,
      moderator,
      outcome: "upheld",
      statement: {
        ground: "not_an_appeal",
        facts: "It asks nothing of the akimat.",
        sourceType: "SOURCE_VOLUNTARY",
      },
    });
    contestDecidedSeq = upheld.seq;
  });

  it("publicAppeals.list: the summary of each appeal and the page", async () => {
    const list = await anyone().publicAppeals.list({});
    expect(keys(list)).toEqual(sorted(["items", "total", "totalCapped", "page", "pageCount", "sort"]));
    const item = list.items.find((i) => i.number === w.appeals.published.number);
    expect(keys(item)).toEqual(sorted(SUMMARY));
    expect(keys(item?.body)).toEqual(BODY);
  });

  it("publicAppeals.get: the page of a published appeal, with the name taken out of the answer", async () => {
    const page = await callerFor(db(), w.actors.citizenB).publicAppeals.get({
      number: w.appeals.published.number,
    });
    expect(keys(page)).toEqual(["appeal", "hidden", "viewer"]);
    if (page.hidden) throw new Error("expected the published appeal");
    const { appeal } = page;
    expect(keys(appeal)).toEqual(
      sorted([
        ...SUMMARY,
        "segments",
        "registeredOn",
        "dueAt",
        "answer",
        "answerAwaitingReview",
        "rating",
        "moderation",
      ]),
    );
    expect(keys(appeal.body)).toEqual(BODY);
    expect(appeal.segments.map(keys)).toEqual([["text"]]);
    expect(keys(appeal.answer)).toEqual(
      sorted(["decision", "text", "legalGrounds", "appealRights", "answeredAt", "onTime"]),
    );
    // The name leaves as a marker and each contact as a redaction; the reader's language says which.
    const read = (segments: object[] = []) =>
      segments.map((s) => ("text" in s ? s.text : "name" in s ? "[name]" : "[redacted]")).join("");
    expect(read(appeal.answer?.text)).toBe(
      "Құрметті [name]! The courtyard lighting at [redacted] was repaired. " +
        "We called you at [redacted] and wrote to [redacted] on the same day.",
    );
    expect(keys(appeal.rating)).toEqual(["heard", "outcome", "quality"]);
    expect(appeal.moderation.map(keys)).toEqual([
      ["action", "seq", "time"],
      ["action", "seq", "time"],
    ]);
    expect(keys(page.viewer)).toEqual(["canSupport", "own", "supported"]);
    expect(PERSONAL_MARKERS.filter((m) => JSON.stringify(page).includes(m))).toEqual([]);
  });

  it("publicAppeals.get: a tombstone once hidden, and publicAppeals.support", async () => {
    const { appeal } = await filePublicAppeal(db(), { state: "hidden" });
    const tombstone = await anyone().publicAppeals.get({ number: appeal.number });
    expect(keys(tombstone)).toEqual(sorted(["hidden", "number", "hiddenOn", "ground", "logSeq"]));
    const support = await callerFor(db(), w.actors.citizenB).publicAppeals.support({
      number: w.appeals.published.number,
    });
    expect(keys(support)).toEqual(["supportCount", "supported"]);
  });

  it("track.appeal: where the appeal stands and the answer, never the applicant", async () => {
    const tracked = await anyone().track.appeal({ number: w.appeals.assisted.number, code: w.assistedCode });
    expect(keys(tracked)).toEqual(
      sorted([
        "number",
        "kind",
        "status",
        // The language the page shows it in: the appeal's own, not personal data.
        "locale",
        "body",
        "filedAt",
        "registeredOn",
        "dueAt",
        "extendedAt",
        "answeredAt",
        "daysLeft",
        "overdue",
        "paused",
        "answer",
        "timeline",
      ]),
    );
    expect(keys(tracked.body)).toEqual(["nameEn", "nameKk", "nameRu"]);
    expect(keys(tracked.answer)).toEqual(
      sorted(["decision", "text", "legalGrounds", "appealRights", "answeredAt"]),
    );
    expect(tracked.timeline.map((e) => e.type)).toEqual(["registered", "answered"]);
    for (const entry of tracked.timeline) {
      expect(keys(entry)).toEqual(
        sorted([
          "id",
          "type",
          "occurredAt",
          "actorRole",
          "body",
          "toBody",
          "dueAt",
          "previousDueAt",
          "reason",
          "question",
          "reply",
          "decision",
          "onTime",
          "rating",
          "relatedNumber",
          "relatedAppealId",
          "attachments",
        ]),
      );
    }
    expect(JSON.stringify(tracked)).not.toContain("Серік Оператордан");
  });

  it("directory.list and directory.suggest: bodies only", async () => {
    const [body] = await anyone().directory.list({ locale: "kk" });
    expect(keys(body)).toEqual(["id", "level", "name", "region"]);
    const [suggested] = await anyone().directory.suggest({ category: "education", region: "almaty_city" });
    expect(keys(suggested)).toEqual(sorted(["id", "code", "nameKk", "nameRu", "nameEn", "level", "region"]));
  });

  it("metrics.*: counts and rates, never an appeal or a person", async () => {
    const overview = await anyone().metrics.overview({});
    expect(keys(overview)).toEqual(sorted(["counts", "byKind", "answerDays", "overdueDays", ...RATES]));
    expect(keys(overview.counts)).toEqual(sorted(COUNTS));
    expect(keys(overview.byKind)).toEqual(
      sorted(["application", "message", "response", "proposal", "request", "complaint"]),
    );
    expect(keys(overview.answerDays)).toEqual(["count", "median", "p90"]);
    expect(overview.counts.received).toBeGreaterThan(0);

    const league = await anyone().metrics.league({ sort: "received" });
    expect(league.length).toBeGreaterThan(0);
    for (const row of league) expect(keys(row)).toEqual(sorted(LEAGUE_ROW));

    const map = await anyone().metrics.map({ metric: "onTimeRate" });
    expect(map.map(keys)).toEqual(map.map(() => ["base", "region", "value"]));

    const trend = await anyone().metrics.trend({});
    expect(trend.map(keys)).toEqual(trend.map(() => sorted(TREND_POINT)));

    const body = await anyone().metrics.body({ code: "akimat-almaty-city-bostandyk" });
    expect(keys(body)).toEqual(["answers", "body", "categories", "metrics", "trend"]);
    // What the answers say: counts only (server/metrics/answer-figures.ts), no appeal and no person.
    expect(keys(body.answers)).toEqual(
      sorted([
        "answered",
        "decisions",
        "claimed",
        "rated",
        "satisfiedRated",
        "satisfiedNotResolved",
        "cameBack",
        "cameBackBase",
        "cameBackCountedAt",
        "checked",
        "lawfulLanguage",
        "namesLegalGround",
        "formal",
      ]),
    );
    expect(keys(body.body)).toEqual(sorted(["id", "code", "level", "region", "nameKk", "nameRu", "nameEn"]));
    expect(keys(body.metrics)).toEqual(keys(overview));
    expect(body.categories.map(keys)).toEqual([sorted(CATEGORY_ROW)]);

    const clock = await anyone().metrics.clock({ code: "akimat-almaty-city-bostandyk" });
    expect(keys(clock)).toEqual(["figures", "surveyComparable"]);
    expect(keys(clock.figures.upheld)).toEqual(["count", "of", "value"]);
    const region = await anyone().metrics.region({ code: "almaty_city" });
    expect(keys(region)).toEqual(["bodies", "categories", "metrics", "region", "trend"]);
    expect(region.bodies.map(keys)).toEqual(region.bodies.map(() => sorted(LEAGUE_ROW)));
  });

  it("grading.publishedRound: results, the seed and tokens; no grader, no appeal, no person", async () => {
    const round = await anyone().grading.publishedRound({ roundId: w.grading.closed });
    expect(keys(round)).toEqual(
      sorted([
        "id",
        "title",
        "periodFrom",
        "periodTo",
        "marginOfError",
        "confidence",
        "rubricVersion",
        "rubric",
        "seed",
        "seedSha256",
        "sampleSha256",
        "commitSeq",
        "revealSeq",
        "openedAt",
        "drawnAt",
        "closedAt",
        "agreement",
        "perBody",
        "strata",
        "sample",
      ]),
    );
    expect(keys(round.sample[0])).toEqual(["bodyCode", "grades", "label", "populationIndex", "token"]);
    expect(keys(round.sample[0]?.grades[0])).toEqual(["grader", "scores"]);
    const text = JSON.stringify(round);
    const appealFields = Object.values(w.appeals).flatMap((a) => [a.number, a.id, a.subject, a.text]);
    const people = Object.values(w.actors).flatMap((a) => (a ? [a.id, a.email] : []));
    expect([...appealFields, ...people, ...PERSONAL_MARKERS].filter((v) => text.includes(v))).toEqual([]);
  });

  it("moderation.log: each entry's content exactly as hashed, its statement and its contest", async () => {
    const listed = await anyone().moderation.log({});
    // newerBefore: the number of a log entry, public as every entry's own.
    expect(keys(listed)).toEqual(["entries", "newerBefore", "total"]);
    const stored = await db()
      .select({ seq: moderationLog.seq, canonical: moderationLog.canonical })
      .from(moderationLog)
      .orderBy(asc(moderationLog.seq));
    expect(listed.total).toBe(stored.length);
    expect(listed.entries.map((e) => e.seq)).toEqual(stored.map((r) => r.seq).reverse());
    // The world's grading rounds: their commitments and reveal carry a round, hashes and a seed, no appeal.
    const grading = listed.entries.filter((e) => isGradingContent(e.content));
    expect(grading.map((e) => e.content.action).sort()).toEqual([
      ...Array(4).fill("grading_seed_committed"),
      "grading_seed_revealed",
    ]);
    for (const entry of grading) {
      expect(keys(entry.content)).toEqual(sorted(GRADING_CONTENT));
      expect(canonicalize(entry.content as unknown as Json)).toBe(
        stored.find((r) => r.seq === entry.seq)?.canonical,
      );
    }
    const page = {
      ...listed,
      entries: listed.entries
        .filter((e) => !isGradingContent(e.content))
        .map((e) => ({ ...e, content: e.content as LogEntryContent })),
    };
    for (const entry of page.entries) {
      expect(keys(entry)).toEqual(sorted(LOG_ENTRY));
      expect(keys(entry.content)).toEqual(sorted(ENTRY_CONTENT));
      if (entry.content.statement) expect(keys(entry.content.statement)).toEqual(sorted(STATEMENT));
      // Readers hash the content they are given: it leaves byte for byte as it was logged.
      expect(canonicalize(entry.content as unknown as Json)).toBe(
        stored.find((r) => r.seq === entry.seq)?.canonical,
      );
    }
    const bySeq = (seq: number) => page.entries.find((e) => e.seq === seq);
    const decision = bySeq(contestDecidedSeq);
    expect(decision?.content.action).toBe("contest_upheld");
    expect(keys(decision?.content.contest)).toEqual(["of", "reason_given"]);
    const contested = bySeq(decision?.content.contest?.of ?? 0);
    expect(contested?.content).toMatchObject({ appeal: w.appeals.contested.number, action: "decline" });
    expect(contested?.contest).toEqual({ status: "upheld", decidedSeq: contestDecidedSeq });
    expect(bySeq(courtOrdered.seq)?.content.statement).toMatchObject({
      source_type: "SOURCE_COURT",
      source_identity: COURT,
    });
    const published = page.entries.filter((e) => e.content.appeal === w.appeals.published.number);
    // Published as submitted, then its answer reviewed without redactions: neither needs reasons.
    expect(published.map((e) => e.content)).toEqual([
      expect.objectContaining({ action: "publish_answer", statement: null, contest: null }),
      expect.objectContaining({ action: "publish", statement: null, contest: null }),
    ]);

    const text = JSON.stringify(page);
    expect(PERSONAL_MARKERS.filter((m) => text.includes(m))).toEqual([]);
    // Neither the contest's reason nor anyone's id (moderators are pseudonyms, authors a salted binding).
    expect(text).not.toContain("It is an appeal about the courtyard");
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it("moderation.figures and moderation.checkpoint: counts, pseudonyms, state requests, the signed root", async () => {
    const figures = await anyone().moderation.figures();
    expect(keys(figures)).toEqual(
      sorted([
        "totalActions",
        "perGround",
        "perBody",
        "perModerator",
        "requestedByState",
        "submissions",
        "timeToModeration",
        "contests",
      ]),
    );
    expect(figures.perGround.length).toBeGreaterThan(1);
    for (const row of figures.perGround) expect(keys(row)).toEqual(["actions", "ground"]);
    expect(figures.perBody.length).toBeGreaterThan(1);
    for (const row of figures.perBody)
      expect(keys(row)).toEqual(sorted(["bodyId", ...BODY_NAMES, "actions", "restrictions"]));
    expect(figures.perModerator.length).toBeGreaterThan(1);
    for (const row of figures.perModerator)
      expect(keys(row)).toEqual(sorted(["pseudonym", "actions", "restrictions", "reversedOnContest"]));
    expect(figures.requestedByState.map((r) => r.seq)).toEqual([courtOrdered.seq]);
    const [request] = figures.requestedByState;
    expect(keys(request)).toEqual(
      sorted(["seq", "appealNumber", "action", "sourceType", "sourceIdentity", "at", "body"]),
    );
    expect(request).toMatchObject({ appealNumber: courtOrdered.number, sourceIdentity: COURT });
    expect(keys(request?.body)).toEqual(sorted(BODY_NAMES));
    expect(keys(figures.submissions)).toEqual(["declinedOrHidden", "share", "total"]);
    expect(keys(figures.timeToModeration)).toEqual(["medianSeconds", "moderated"]);
    expect(keys(figures.contests)).toEqual(["decided", "open", "reversed", "share"]);
    expect(figures.contests).toMatchObject({ open: 0, decided: 1, reversed: 0 });
    expect(PERSONAL_MARKERS.filter((m) => JSON.stringify(figures).includes(m))).toEqual([]);

    const checkpoint = await anyone().moderation.checkpoint();
    expect(keys(checkpoint)).toEqual(["keyId", "rootHash", "signature", "signedAt", "treeSize"]);
    expect(checkpoint?.treeSize).toBe((await anyone().moderation.log({})).total);
  });

  it("the open data exports: the documented columns and nothing else", async () => {
    const appeals = (await (
      await appealsJson.GET(new Request("http://localhost/api/exports/public-appeals.json"))
    ).json()) as Record<string, unknown>[];
    expect(appeals.length).toBeGreaterThan(0);
    for (const row of appeals) {
      expect(keys(row)).toEqual(
        sorted([
          "number",
          "kind",
          "category",
          "region",
          "body_code",
          "body_name_kk",
          "body_name_ru",
          "body_name_en",
          "status",
          "overdue",
          "filed_at",
          "registered_on",
          "due_at",
          "answered_at",
          "answer_decision",
          "answered_on_time",
          "subject",
          "text",
          "redacted",
          "support_count",
        ]),
      );
    }

    const METRIC_COLUMNS = [
      ...COUNTS.map(snakeCase),
      "response_rate",
      "on_time_rate",
      "overdue_share",
      "answer_days_median",
      "answer_days_p90",
      "overdue_days_median",
      "overdue_days_p90",
      ...RATES.slice(3).map(snakeCase),
      // The clock columns (docs/metrics.md, Open data).
      "on_time_original",
      "paused_now",
      "paused_ever",
      "paused_past_due",
      "returned",
      "to_accused",
      "complaint_decided",
      "forwarded_away",
      "forwards_late",
      "forwards_after_due",
      "forwards_returned",
      "forwards_to_accused",
      "on_time_original_rate",
      "on_time_counting_forwards_rate",
      "forwards_late_share",
      "upheld_of_decided_share",
      "complaints_pending",
      "heard_of_answered_share",
      "not_yet_due",
      "provisional",
    ];
    const byBody = ["month", "body_code", "body_name_kk", "body_name_ru", "body_name_en", "region"];
    const metrics = await (
      await metricsJson.GET(new Request("http://localhost/api/exports/metrics.json"))
    ).json();
    expect(keys(metrics)).toEqual(["by", "documentation", "period", "rows"]);
    expect(metrics.rows.length).toBeGreaterThan(0);
    for (const row of metrics.rows) expect(keys(row)).toEqual(sorted([...byBody, ...METRIC_COLUMNS]));
    const csv = await (
      await metricsCsv.GET(new Request("http://localhost/api/exports/metrics.csv?by=region"))
    ).text();
    expect(csv.split("\r\n")[0]?.split(",")).toEqual(["month", "region", ...METRIC_COLUMNS]);
  });
});
