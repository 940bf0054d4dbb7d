import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { appealEvents, appealPublications, appeals, stateBodies } from "@/db/schema";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { appealNumberOf, openIdOf } from "@/server/appeals/open-id";
import { markOverdueAppeals } from "@/server/jobs/mark-overdue";
import { moderateAppeal } from "@/server/moderation/moderate-appeal";
import { issueApiKey, revokeApiKey } from "@/server/open311/api-keys";
import { fileServiceRequest } from "@/server/open311/file-service-request";
import { open311Translator } from "@/server/open311/open311-locale";
import { createActor } from "@/test/actors";
import { answer, askToClarify } from "@/test/citizen-fixtures";
import { useTestDatabase } from "@/test/database";
import { almaty, bodyIdOf, fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";
import { childText, parseXml } from "@/test/xml-well-formed";

// The route handlers run as Next.js runs them; only the process-wide pool is pointed at the test's database.
const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: () => state.db,
  getReadDatabase: () => state.db,
}));

const resourceRoute = await import("./[resource]/route");
const definitionRoute = await import("./services/[code]/route");
const requestRoute = await import("./requests/[id]/route");

const BASE = "http://localhost/api/open311/v2";
const ENGLISH = { "Accept-Language": "en-GB,en;q=0.9" };
const CATEGORY_CODES = [
  "healthcare",
  "education",
  "social_protection",
  "public_safety",
  "housing_utilities",
  "roads_transport",
  "land",
  "environment",
  "corruption",
  "other",
];

const get = (resource: string, query = "", headers: Record<string, string> = ENGLISH) =>
  resourceRoute.GET(new Request(`${BASE}/${resource}${query}`, { headers }), {
    params: Promise.resolve({ resource }),
  });
const getDefinition = (code: string) =>
  definitionRoute.GET(new Request(`${BASE}/services/${code}`, { headers: ENGLISH }), {
    params: Promise.resolve({ code }),
  });
const getOne = (id: string) =>
  requestRoute.GET(new Request(`${BASE}/requests/${encodeURIComponent(id)}`, { headers: ENGLISH }), {
    params: Promise.resolve({ id: encodeURIComponent(id) }),
  });
const post = (resource: string, body: string | URLSearchParams, headers: Record<string, string> = {}) =>
  resourceRoute.POST(
    new Request(`${BASE}/${resource}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", ...ENGLISH, ...headers },
      body: body.toString(),
    }),
    { params: Promise.resolve({ resource }) },
  );

type Json = Record<string, unknown>;
async function errorOf(response: Response) {
  const body = (await response.json()) as { code: number; description: string }[];
  expect(body).toHaveLength(1);
  expect(body[0]?.code).toBe(response.status);
  expect(typeof body[0]?.description).toBe("string");
  return body[0];
}

describe("Open311 GeoReport v2", () => {
  const db = useTestDatabase();
  let key = "";
  let accountId = "";
  beforeAll(async () => {
    const account = await createActor(db(), "citizen", { fullName: "City 311 app" });
    accountId = account.id;
    const admin = await createActor(db(), "admin");
    ({ key } = await issueApiKey(db(), { name: "311 app", accountEmail: account.email, adminId: admin.id }));
  });
  beforeEach(() => {
    state.db = db();
  });

  const filing = (extra: Record<string, string> = {}) =>
    new URLSearchParams({
      api_key: key,
      service_code: "housing_utilities",
      lat: "43.2567",
      long: "76.9286",
      first_name: "Aigerim",
      last_name: "Sarsenbayeva",
      email: "aigerim@example.kz",
      description: "No heating in block 12 since Monday.\nThe radiators in all flats are cold.",
      ...extra,
    });

  describe("GET services", () => {
    it("lists one service per category, in JSON", async () => {
      const response = await get("services.json");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      const services = (await response.json()) as Json[];
      expect(services.map((s) => s.service_code)).toEqual(CATEGORY_CODES);
      expect(services.find((s) => s.service_code === "housing_utilities")).toEqual({
        service_code: "housing_utilities",
        service_name: "Housing and utilities",
        description:
          "Heating, water, electricity, gas, lifts, yards, rubbish collection and building repairs.",
        metadata: true,
        type: "realtime",
        keywords: "heating, hot water, cold water, electricity, gas, lift, yard, rubbish, repair, roof",
        group: "housing_utilities",
      });
    });

    it("lists the same in well-formed XML, named in Kazakh when no language is asked for", async () => {
      const response = await get("services.xml", "", {});
      expect(response.headers.get("content-type")).toBe("text/xml; charset=utf-8");
      const root = parseXml(await response.text());
      expect(root.name).toBe("services");
      expect(root.children.map((s) => childText(s, "service_code"))).toEqual(CATEGORY_CODES);
      const housing = root.children[4];
      expect(childText(housing, "service_name")).toBe("Тұрғын үй және коммуналдық қызметтер");
      expect(childText(housing, "metadata")).toBe("true");
      expect(childText(housing, "type")).toBe("realtime");
    });

    it("accepts its own jurisdiction_id and answers 404 to another", async () => {
      expect((await get("services.json", "?jurisdiction_id=tyndau.kz")).status).toBe(200);
      const response = await get("services.json", "?jurisdiction_id=sfgov.org");
      expect(response.status).toBe(404);
      expect((await errorOf(response))?.description).toMatch(/jurisdiction_id/);
    });

    it("answers 400 naming an argument the method does not take", async () => {
      expect((await get("services.json", "?api_key=abc&locale=en")).status).toBe(200);
      const response = await get("services.json", "?bodyId=1");
      expect(response.status).toBe(400);
      expect((await errorOf(response))?.description).toMatch(/^bodyId is not an argument/);
    });

    it("answers 404 in the error format to an unknown resource or format", async () => {
      const unknown = await get("potholes.json");
      expect(unknown.status).toBe(404);
      await errorOf(unknown);
      const html = await get("services.html");
      expect(html.status).toBe(404);
      expect(parseXml(await html.text()).name).toBe("errors");
    });
  });

  describe("GET service definition", () => {
    it("describes the optional attributes, the competent bodies among them", async () => {
      const response = await getDefinition("housing_utilities.json");
      expect(response.status).toBe(200);
      const definition = (await response.json()) as {
        service_code: string;
        attributes: { code: string; order: number; required: boolean; values?: { key: string }[] }[];
      };
      expect(definition.service_code).toBe("housing_utilities");
      expect(definition.attributes.map((a) => [a.code, a.order, a.required])).toEqual([
        ["kind", 1, false],
        ["subject", 2, false],
        ["region", 3, false],
        ["body", 4, false],
        ["publish", 5, false],
        ["locale", 6, false],
      ]);
      const values = (code: string) =>
        definition.attributes.find((a) => a.code === code)?.values?.map((v) => v.key) ?? [];
      expect(values("kind")).toEqual([
        "application",
        "message",
        "response",
        "proposal",
        "request",
        "complaint",
      ]);
      expect(values("body")).toContain("akimat-almaty-city");
      expect(values("body")).not.toContain("min-health");
      expect(values("region")).toHaveLength(20);
      expect(values("publish")).toEqual(["false", "true"]);
    });

    it("writes the definition in XML with attribute and value elements", async () => {
      const root = parseXml(await (await getDefinition("land.xml")).text());
      expect(root.name).toBe("service_definition");
      const attributes = root.children.find((c) => c.name === "attributes");
      expect(attributes?.children.map((a) => childText(a, "code"))).toEqual([
        "kind",
        "subject",
        "region",
        "body",
        "publish",
        "locale",
      ]);
      const kind = attributes?.children[0]?.children.find((c) => c.name === "values");
      expect(kind?.children.map((v) => childText(v, "key"))).toContain("complaint");
    });

    it("answers 404 to a service that does not exist", async () => {
      const response = await getDefinition("potholes.json");
      expect(response.status).toBe(404);
      expect((await errorOf(response))?.description).toMatch(/potholes/);
    });
  });

  describe("GET requests", () => {
    let published = "";
    let privateAnswered = "";
    let declined = "";
    beforeAll(async () => {
      state.db = db();
      ({
        appeal: { number: published },
      } = await filePublicAppeal(db(), {
        state: "published_redacted",
        subject: "Repair the playground",
        text: "The playground behind Kenesary St 40, flat 12 (mine) has broken swings.",
        redact: ["flat 12 (mine)"],
        filedAt: almaty("2026-06-01T10:00:00"),
      }));
      const author = await createActor(db(), "citizen");
      const { appeal } = await fileAppeal(db(), {
        kind: "request",
        bodyId: await bodyIdOf(db(), "akimat-almaty-city"),
        category: "education",
        region: "almaty_city",
        subject: "School bus for our village",
        text: "Children of our village walk four kilometres to school every day.",
        publishConsent: false,
        locale: "en",
        authorId: author.id,
        applicant: { name: "Private Person", email: "private@example.kz" },
        now: almaty("2026-06-02T11:00:00"),
      });
      await answer(db(), appeal.id, almaty("2026-06-05T15:00:00"));
      privateAnswered = appeal.number;
      ({
        appeal: { number: declined },
      } = await filePublicAppeal(db(), { state: "declined", filedAt: almaty("2026-06-03T09:30:00") }));
    });

    const window = "?start_date=2026-05-30T00:00:00Z&end_date=2026-06-10T00:00:00Z";
    // The ids are ASCII (open-id.ts); compared here as the numbers they stand for.
    const numbersOf = async (response: Response) =>
      ((await response.json()) as Json[]).map((r) => appealNumberOf(String(r.service_request_id)));

    it("lists every appeal of the window, newest first, the text only of the published one", async () => {
      const response = await get("requests.json", window);
      expect(response.status).toBe(200);
      const requests = (await response.json()) as Json[];
      expect(requests.map((r) => r.service_request_id)).toEqual(
        [declined, privateAnswered, published].map(openIdOf),
      );
      expect(requests[2]).toEqual({
        service_request_id: openIdOf(published),
        status: "open",
        status_notes: "Registered",
        service_name: "Housing and utilities",
        service_code: "housing_utilities",
        description:
          "Repair the playground\n\nThe playground behind Kenesary St 40, [redacted: personal data] has broken swings.",
        agency_responsible: "Akimat of Astana",
        requested_datetime: "2026-06-01T10:00:00+05:00",
        updated_datetime: "2026-06-01T10:00:00+05:00",
        // Registered Mon 1 June 2026; 15 working days: Mon 22 June, to the end of the day.
        expected_datetime: "2026-06-22T23:59:59+05:00",
        address: null,
        lat: null,
        long: null,
      });
      expect(requests[1]).toMatchObject({
        status: "closed",
        status_notes: "Answered",
        service_code: "education",
        description: null,
        agency_responsible: "Akimat of Almaty",
        updated_datetime: "2026-06-05T15:00:00+05:00",
      });
      expect(requests[0]).toMatchObject({ status: "open", description: null });
      expect(JSON.stringify(requests)).not.toMatch(/Private Person|private@example|flat 12|village/);
    });

    it("filters by service_code, status and service_request_id", async () => {
      expect(await numbersOf(await get("requests.json", `${window}&service_code=education`))).toEqual([
        privateAnswered,
      ]);
      expect(await numbersOf(await get("requests.json", `${window}&status=closed`))).toEqual([
        privateAnswered,
      ]);
      expect(await numbersOf(await get("requests.json", `${window}&status=open`))).toEqual([
        declined,
        published,
      ]);
      expect(await numbersOf(await get("requests.json", `${window}&status=open,closed`))).toHaveLength(3);
      expect(
        await numbersOf(
          await get("requests.json", `?service_request_id=${published},${declined}&status=closed`),
        ),
      ).toEqual([declined, published]);
      expect(
        await numbersOf(await get("requests.json", "?start_date=2026-06-02&end_date=2026-06-02")),
      ).toEqual([privateAnswered]);
    });

    it("shows the most recent 90 days when no dates are given", async () => {
      expect(await numbersOf(await get("requests.json"))).not.toContain(published);
      const now = await fileServiceRequestNow();
      expect(await numbersOf(await get("requests.json"))).toContain(now);
    });

    it("writes the requests in well-formed XML", async () => {
      const root = parseXml(await (await get("requests.xml", window)).text());
      expect(root.name).toBe("service_requests");
      expect(root.children.map((r) => childText(r, "service_request_id"))).toEqual(
        [declined, privateAnswered, published].map(openIdOf),
      );
      expect(childText(root.children[0], "description")).toBe("");
      expect(childText(root.children[2], "agency_responsible")).toBe("Akimat of Astana");
    });

    it("answers one request by its number, 404 for an unknown one", async () => {
      const one = await getOne(`${privateAnswered}.json`);
      expect(one.status).toBe(200);
      expect(await numbersOf(one)).toEqual([privateAnswered]);
      const xml = parseXml(await (await getOne(`${published}.xml`)).text());
      expect(childText(xml.children[0], "status")).toBe("open");
      const missing = await getOne("ЖТ-1999-000001.json");
      expect(missing.status).toBe(404);
      await errorOf(missing);
    });

    it("takes the ASCII id and the number alike, by path and by the service_request_id filter", async () => {
      for (const id of [openIdOf(privateAnswered), privateAnswered]) {
        const one = await getOne(`${id}.json`);
        expect(one.status, id).toBe(200);
        expect(await numbersOf(one)).toEqual([privateAnswered]);
      }
      const mixed = await get("requests.json", `?service_request_id=${openIdOf(published)},${declined}`);
      expect(await numbersOf(mixed)).toEqual([declined, published]);
      expect((await getOne("JT-1999-000001.json")).status).toBe(404);
    });

    it("puts the answer of a published appeal in status_notes, without the applicant; updated is its status change", async () => {
      const { appeal } = await filePublicAppeal(db(), {
        state: "published",
        bodyCode: "akimat-almaty-city",
        region: "almaty_city",
        applicant: { name: "Aigerim Sarsenbayeva", phone: "+7 701 555 12 34" },
        filedAt: almaty("2026-07-01T09:00:00"),
      });
      const { acting } = await officialOf(db(), "akimat-almaty-city");
      await answerAppeal(db(), {
        appealId: appeal.id,
        decision: "satisfied",
        text: "Dear Aigerim Sarsenbayeva, the swings will be replaced by 1 July; we called you on +7 701 555 12 34.",
        legalGrounds: "Rules for the upkeep of courtyards, para. 4.",
        appealRights: "You may complain to the superior body or to court under the APPC.",
        official: acting,
        now: almaty("2026-07-03T16:30:00"),
      });
      // An answer is public only once a moderator has reviewed it: until then only the status is said.
      const [unreviewed] = (await (await getOne(`${openIdOf(appeal.number)}.json`)).json()) as Json[];
      expect(unreviewed?.status_notes).toBe("Answered");
      const moderator = await createActor(db(), "moderator");
      await moderateAppeal(db(), { appealId: appeal.id, moderator, decision: "publish_answer" });
      const [request] = (await (await getOne(`${openIdOf(appeal.number)}.json`)).json()) as Json[];
      expect(request).toMatchObject({
        status: "closed",
        status_notes:
          "Satisfied: Dear [name], the swings will be replaced by 1 July; we called you on [redacted: personal data].",
        requested_datetime: "2026-07-01T09:00:00+05:00",
        updated_datetime: "2026-07-03T16:30:00+05:00",
      });
      // The unpublished appeal's answer stays out: only its status is said.
      const [hidden] = (await (await getOne(`${openIdOf(privateAnswered)}.json`)).json()) as Json[];
      expect(hidden?.status_notes).toBe("Answered");
      expect(JSON.stringify(hidden)).not.toMatch(/network operator|pipe/);
    });

    it("dates updated_datetime by the last change of status, not by an event that leaves it", async () => {
      const appeal = await fileTestAppeal(db(), { filedAt: almaty("2026-07-06T12:00:00") });
      await askToClarify(db(), appeal.id, almaty("2026-07-08T10:00:00"));
      const other = await fileTestAppeal(db(), { filedAt: almaty("2026-07-06T12:30:00") });
      // A missed deadline is recorded (APPC Art. 91(2)) but leaves the status as it was.
      expect(await markOverdueAppeals(db(), almaty("2026-09-30T00:00:00"))).toBeGreaterThan(0);
      const read = async (n: string) =>
        ((await (await getOne(`${openIdOf(n)}.json`)).json()) as Json[])[0]?.updated_datetime;
      expect(await read(appeal.number)).toBe("2026-07-08T10:00:00+05:00");
      expect(await read(other.number)).toBe("2026-07-06T12:30:00+05:00");
    });

    it("answers 400 in the error format to malformed arguments", async () => {
      for (const query of [
        "?status=pending",
        "?service_code=potholes",
        "?start_date=yesterday",
        "?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
        "?authorId=00000000-0000-0000-0000-000000000000",
        "?status=open&sort=oldest",
      ]) {
        const response = await get("requests.json", query);
        expect(response.status, query).toBe(400);
        await errorOf(response);
      }
      const xml = await get("requests.xml", "?status=pending");
      expect(xml.status).toBe(400);
      const error = parseXml(await xml.text());
      expect(error.name).toBe("errors");
      expect(childText(error.children[0], "code")).toBe("400");
    });
  });

  async function fileServiceRequestNow() {
    const response = await post("requests.json", filing());
    expect(response.status).toBe(201);
    const [request] = (await response.json()) as Json[];
    return appealNumberOf(request?.service_request_id as string);
  }

  describe("POST requests", () => {
    it("files an appeal for the key's account, with a number and a deadline the server computes", async () => {
      const response = await post("requests.json", filing({ "attribute[kind]": "complaint" }));
      expect(response.status).toBe(201);
      const [request] = (await response.json()) as Json[];
      // ASCII for clients, while the notice tells the applicant the number they will see everywhere.
      expect(request?.service_request_id).toMatch(/^JT-\d{4}-\d{6}$/);
      const number = appealNumberOf(String(request?.service_request_id)) ?? "";
      expect(request?.account_id).toBeNull();
      expect(request?.service_notice).toContain(number);
      const [appeal] = await db().select().from(appeals).where(eq(appeals.number, number));
      expect(appeal).toMatchObject({
        channel: "open311",
        authorId: accountId,
        kind: "complaint",
        category: "housing_utilities",
        region: "almaty_city",
        subject: "No heating in block 12 since Monday.",
        text: "No heating in block 12 since Monday.\nThe radiators in all flats are cold.",
        applicantName: "Aigerim Sarsenbayeva",
        applicantEmail: "aigerim@example.kz",
        latitude: 43.2567,
        longitude: 76.9286,
        locationText: null,
        publishConsent: false,
        anonymous: false,
        locale: "en",
      });
      const [body] = await db()
        .select()
        .from(stateBodies)
        .where(eq(stateBodies.id, appeal?.bodyId ?? ""));
      expect(body?.region).toBe("almaty_city");
      expect(body?.categories).toContain("housing_utilities");
      const events = await db()
        .select()
        .from(appealEvents)
        .where(eq(appealEvents.appealId, appeal?.id ?? ""));
      expect(events.map((e) => [e.type, e.actorId, e.data.channel])).toEqual([
        ["registered", accountId, "open311"],
      ]);
      // Nothing is published without consent, and with consent only after a moderator decides.
      expect(
        await db()
          .select()
          .from(appealPublications)
          .where(eq(appealPublications.appealId, appeal?.id ?? "")),
      ).toEqual([]);
    });

    it("computes the deadline as for any appeal: Mon 2 Nov 2026 → Mon 23 Nov 2026, end of day", async () => {
      const t = await open311Translator("en");
      const { request } = await fileServiceRequest(db(), {
        fields: filing({ "attribute[region]": "astana", "attribute[publish]": "true" }),
        idempotencyToken: null,
        t,
        locale: "en",
        now: almaty("2026-11-02T10:00:00"),
      });
      const [appeal] = await db()
        .select()
        .from(appeals)
        .where(eq(appeals.number, appealNumberOf(request.service_request_id) ?? ""));
      expect(appeal?.dueAt.toISOString()).toBe("2026-11-23T18:59:59.999Z");
      expect(appeal?.registeredOn).toBe("2026-11-02");
      expect(appeal?.region).toBe("astana");
      expect(request.service_notice).toMatch(
        new RegExp(
          `^Registered under No\\. ${appeal?.number}\\. The state body must answer by November 23, 2026`,
        ),
      );
      const [publication] = await db()
        .select()
        .from(appealPublications)
        .where(eq(appealPublications.appealId, appeal?.id ?? ""));
      expect(publication?.visibility).toBe("pending");
    });

    it("sends it to the body the client names, if that body deals with the service", async () => {
      const response = await post(
        "requests.xml",
        filing({
          "attribute[body]": "akimat-astana",
          lat: "",
          long: "",
          address_string: "Kenesary St 40, Astana",
        }),
      );
      expect(response.status).toBe(201);
      const root = parseXml(await response.text());
      const number = appealNumberOf(childText(root.children[0], "service_request_id") ?? "") ?? "";
      const [appeal] = await db().select().from(appeals).where(eq(appeals.number, number));
      expect(appeal?.bodyId).toBe(await bodyIdOf(db(), "akimat-astana"));
      expect(appeal?.locationText).toBe("Kenesary St 40, Astana");
      const notCompetent = await post("requests.json", filing({ "attribute[body]": "min-health" }));
      expect(notCompetent.status).toBe(400);
    });

    it("refuses without a key, with a wrong key and with a revoked key: 403 in the error format", async () => {
      const admin = await createActor(db(), "admin");
      const account = await createActor(db(), "citizen");
      const revoked = await issueApiKey(db(), {
        name: "old",
        accountEmail: account.email,
        adminId: admin.id,
      });
      await revokeApiKey(db(), { id: revoked.id });
      const before = await db().$count(appeals);
      for (const apiKey of ["", "not-a-key", revoked.key]) {
        const response = await post("requests.json", filing({ api_key: apiKey }));
        expect(response.status, apiKey).toBe(403);
        expect((await errorOf(response))?.description).toMatch(/api_key/);
      }
      const xml = await post("requests.xml", filing({ api_key: revoked.key }));
      expect(xml.status).toBe(403);
      expect(childText(parseXml(await xml.text()).children[0], "code")).toBe("403");
      expect(await db().$count(appeals)).toBe(before);
    });

    it("answers 400 (404 for an unknown service) to malformed requests, never a server error", async () => {
      const cases: [Record<string, string>, number][] = [
        [{ service_code: "" }, 400],
        [{ service_code: "potholes" }, 404],
        [{ lat: "north" }, 400],
        [{ lat: "91", long: "10" }, 400],
        [{ long: "" }, 400],
        [{ lat: "", long: "" }, 400],
        [{ lat: "", long: "", address_id: "545483" }, 400],
        [{ description: "Too short" }, 400],
        [{ description: "x".repeat(4001) }, 400],
        [{ "attribute[kind]": "petition" }, 400],
        [{ "attribute[region]": "atlantis" }, 400],
        [{ "attribute[publish]": "maybe" }, 400],
        [{ "attribute[subject]": "Hi" }, 400],
        [{ "attribute[body]": "no-such-body" }, 400],
        [{ first_name: "", last_name: "" }, 400],
        [{ email: "not-an-address" }, 400],
        [{ phone: "call me" }, 400],
        [{ jurisdiction_id: "sfgov.org" }, 404],
        [{ status: "closed" }, 400],
        [{ bodyId: "00000000-0000-0000-0000-000000000000" }, 400],
        [{ "attribute[deadline]": "2030-01-01" }, 400],
      ];
      const before = await db().$count(appeals);
      for (const [change, status] of cases) {
        const response = await post("requests.json", filing(change));
        expect(response.status, JSON.stringify(change)).toBe(status);
        await errorOf(response);
      }
      const json = await resourceRoute.POST(
        new Request(`${BASE}/requests.json`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ api_key: key }),
        }),
        { params: Promise.resolve({ resource: "requests.json" }) },
      );
      expect(json.status).toBe(400);
      const garbage = await post("requests.json", `api_key=${key}&%%%=&&==&description=%E0%A4%A`);
      expect(garbage.status).toBe(400);
      const multipart = new FormData();
      for (const [name, value] of filing()) multipart.append(name, value);
      const viaMultipart = await resourceRoute.POST(
        new Request(`${BASE}/requests.json`, { method: "POST", body: multipart }),
        { params: Promise.resolve({ resource: "requests.json" }) },
      );
      expect(viaMultipart.status).toBe(201);
      expect(await db().$count(appeals)).toBe(before + 1);
    });

    it("gives a retry with the same Idempotency-Key the request it already made", async () => {
      const token = { "Idempotency-Key": "client-retry-7f3a" };
      const first = await post("requests.json", filing(), token);
      const second = await post("requests.json", filing(), token);
      expect(first.status).toBe(201);
      expect(second.status).toBe(200);
      const [a] = (await first.json()) as Json[];
      const [b] = (await second.json()) as Json[];
      expect(b?.service_request_id).toBe(a?.service_request_id);
      const changed = await post(
        "requests.json",
        filing({ description: "Something else entirely, again." }),
        token,
      );
      expect(changed.status).toBe(400);
      expect((await errorOf(changed))?.description).toMatch(/Idempotency-Key/);
    });
  });
});
