import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { appeals, stateBodies } from "@/db/schema";
import { DEMO_OPEN311, seedDemoOpen311Key } from "@/db/seed/demo-open311";
import { appealNumberOf } from "@/server/appeals/open-id";
import { useTestDatabase } from "@/test/database";
import { childText, parseXml } from "@/test/xml-well-formed";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: () => state.db,
  getReadDatabase: () => state.db,
}));

const resourceRoute = await import("./[resource]/route");
const requestRoute = await import("./requests/[id]/route");

/**
 * The example POST of the GeoReport v2 specification (wiki.open311.org/GeoReport_v2, "POST Service
 * Request"), byte for byte except for the two values the standard leaves to each jurisdiction: our demo
 * api_key and one of our service codes.
 */
const PUBLISHED_EXAMPLE =
  "api_key=xyz&service_code=001&lat=37.76524078&long=-122.4212043&address_string=1234+5th+street&email=smit222%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111&description=A+large+sofa+has+been+left+on+the+side+of+the+road.&media_url=http%3A%2F%2Fmediaurl.com%2Fmedia.jpg";
const ADAPTED = PUBLISHED_EXAMPLE.replace("api_key=xyz", `api_key=${DEMO_OPEN311.key}`).replace(
  "service_code=001",
  "service_code=housing_utilities",
);

function postExample(format: "json" | "xml") {
  const resource = `requests.${format}`;
  return resourceRoute.POST(
    new Request(`http://api.example/api/open311/v2/${resource}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: ADAPTED,
    }),
    { params: Promise.resolve({ resource }) },
  );
}

describe("the published GeoReport v2 example request", () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    await seedDemoOpen311Key(db(), { adminId: null });
  });
  beforeEach(() => {
    state.db = db();
  });

  it("differs from the specification only in api_key and service_code", () => {
    const published = new URLSearchParams(PUBLISHED_EXAMPLE);
    const adapted = new URLSearchParams(ADAPTED);
    expect([...adapted.keys()]).toEqual([...published.keys()]);
    const changed = [...adapted].filter(([name, value]) => published.get(name) !== value).map(([n]) => n);
    expect(changed).toEqual(["api_key", "service_code"]);
  });

  it("files an appeal and answers in JSON as the standard shows", async () => {
    const response = await postExample("json");
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = (await response.json()) as Record<string, unknown>[];
    expect(body).toHaveLength(1);
    expect(Object.keys(body[0] ?? {})).toEqual(["service_request_id", "service_notice", "account_id"]);
    const id = String(body[0]?.service_request_id);
    expect(id).toMatch(/^JT-\d{4}-\d{6}$/);
    const number = appealNumberOf(id) ?? "";

    const [appeal] = await db()
      .select({
        appeal: appeals,
        bodyRegion: stateBodies.region,
      })
      .from(appeals)
      .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
      .where(eq(appeals.number, number));
    expect(appeal?.appeal).toMatchObject({
      channel: "open311",
      category: "housing_utilities",
      kind: "application",
      subject: "A large sofa has been left on the side of the road.",
      text: "A large sofa has been left on the side of the road.",
      applicantName: "john smith",
      applicantEmail: "smit222@sfgov.edu",
      applicantPhone: "111111111",
      latitude: 37.76524078,
      longitude: -122.4212043,
      locationText: "1234 5th street",
      // San Francisco is in no region of Kazakhstan: a central body deals with it.
      region: null,
      locale: "en",
      publishConsent: false,
    });
    expect(appeal?.bodyRegion).toBeNull();

    // And the client can follow it: open, with its deadline, and without its text, which is not public.
    const followed = await requestRoute.GET(new Request(`http://api.example/api/open311/v2/requests/x`), {
      params: Promise.resolve({ id: `${id}.json` }),
    });
    const [request] = (await followed.json()) as Record<string, unknown>[];
    expect(request).toMatchObject({
      service_request_id: id,
      status: "open",
      service_code: "housing_utilities",
      description: null,
      address: null,
    });
    // The deadline ends with the last day in Kazakhstan: 18:59:59.999Z is 23:59:59 at UTC+5.
    expect(appeal?.appeal.dueAt.toISOString()).toMatch(/T18:59:59\.999Z$/);
    expect(request?.expected_datetime).toBe(
      `${appeal?.appeal.dueAt.toISOString().slice(0, 10)}T23:59:59+05:00`,
    );
  });

  it("files an appeal and answers in well-formed XML as the standard shows", async () => {
    const response = await postExample("xml");
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    const text = await response.text();
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const root = parseXml(text);
    expect(root.name).toBe("service_requests");
    expect(root.children.map((c) => c.name)).toEqual(["request"]);
    const request = root.children[0];
    expect(request?.children.map((c) => c.name)).toEqual([
      "service_request_id",
      "service_notice",
      "account_id",
    ]);
    expect(childText(request, "service_request_id")).toMatch(/^JT-\d{4}-\d{6}$/);
    expect(childText(request, "account_id")).toBe("");
    expect(await db().$count(appeals)).toBe(2);
  });
});
