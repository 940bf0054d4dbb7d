import { beforeAll, describe, expect, it, vi } from "vitest";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { rateAnswer } from "@/server/appeals/rate-answer";
import { callerFor } from "@/test/actors";
import { buildAuthorizationWorld, PERSONAL_MARKERS, type World } from "@/test/authorization-world";
import { useTestDatabase } from "@/test/database";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: () => state.db,
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
  "small",
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

describe("public outputs, field by field", () => {
  const db = useTestDatabase();
  let w: World;
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
  });

  it("publicAppeals.list: the summary of each appeal and the page", async () => {
    const list = await anyone().publicAppeals.list({});
    expect(keys(list)).toEqual(sorted(["items", "total", "page", "pageCount", "sort"]));
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
      sorted([...SUMMARY, "segments", "registeredOn", "dueAt", "answer", "rating", "moderation"]),
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
    expect(appeal.moderation.map(keys)).toEqual([["action", "seq", "time"]]);
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
    expect(keys(body)).toEqual(["body", "categories", "metrics", "trend"]);
    expect(keys(body.body)).toEqual(sorted(["id", "code", "level", "region", "nameKk", "nameRu", "nameEn"]));
    expect(keys(body.metrics)).toEqual(keys(overview));
    expect(body.categories.map(keys)).toEqual([sorted(CATEGORY_ROW)]);

    const region = await anyone().metrics.region({ code: "almaty_city" });
    expect(keys(region)).toEqual(["bodies", "categories", "metrics", "region", "trend"]);
    expect(region.bodies.map(keys)).toEqual(region.bodies.map(() => sorted(LEAGUE_ROW)));
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

    const snake = (c: string) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
    const METRIC_COLUMNS = [
      ...COUNTS.map(snake),
      "response_rate",
      "on_time_rate",
      "overdue_share",
      "answer_days_median",
      "answer_days_p90",
      "overdue_days_median",
      "overdue_days_p90",
      ...RATES.slice(3).map(snake),
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
