import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { attachmentLink } from "@/server/appeals/attachment-link";
import type { SessionUser } from "@/server/auth/sessions";
import { loadSigningKey } from "@/server/moderation/log-signing-key";
import { writeSnapshot } from "@/server/open-data/write-snapshot";
import {
  ACTORS,
  type ActorName,
  buildAuthorizationWorld,
  PERSONAL_MARKERS,
  type World,
} from "@/test/authorization-world";
import { useTestDatabase } from "@/test/database";
import { HTTP_METHODS, type HttpMethod, ROUTE_MATRIX, type RouteRule } from "./authorization-matrix";

// Handlers run as Next.js runs them; only the session, the pool and the tRPC context point at this test.
const state = vi.hoisted(() => ({ db: null as unknown, user: null as SessionUser | null }));
// Outside Next.js there is no react-server condition; "server-only" only guards against client bundles.
vi.mock("server-only", () => ({}));
vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => state.user }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: () => state.db,
  getReadDatabase: () => state.db,
}));
vi.mock("@/server/context", () => ({
  createContext: async () => ({ db: state.db, user: state.user, clientIp: "direct" }),
}));

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every route handler file under app/, found on disk at run time. */
function routeFiles(): string[] {
  return (readdirSync(path.join(ROOT, "app"), { recursive: true }) as string[])
    .filter((f) => /(^|\/)route\.(ts|tsx|js)$/.test(f))
    .map((f) => `app/${f.split(path.sep).join("/")}`)
    .sort();
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const load = async (file: string) =>
  (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, Handler | undefined>;

const BASE = "http://localhost";

describe("route handlers in the authorization matrix", () => {
  const db = useTestDatabase();
  let w: World;
  let snapshotDate = "";
  beforeAll(async () => {
    w = await buildAuthorizationWorld(db());
    // Today's open-data snapshot of this world: its files are checked for leaks like any public answer.
    snapshotDate = (await writeSnapshot(db(), { key: loadSigningKey() })).date;
  });
  beforeEach(() => {
    state.db = db();
    state.user = null;
  });

  /** What no anonymous answer may hold: citizen A's personal data and the unpublished appeal's words. */
  const secrets = () => [...PERSONAL_MARKERS, w.appeals.main.subject, w.appeals.main.text];
  const leaked = (text: string, needles: readonly string[]) => needles.filter((n) => text.includes(n));

  it("lists every route file and exported method, and nothing else", async () => {
    const found: string[] = [];
    for (const file of routeFiles()) {
      const module = await load(file);
      for (const method of HTTP_METHODS)
        if (typeof module[method] === "function") found.push(`${file} ${method}`);
    }
    const listed = Object.entries(ROUTE_MATRIX).flatMap(([file, methods]) =>
      Object.keys(methods).map((m) => `${file} ${m}`),
    );
    expect(found.length).toBeGreaterThan(15);
    expect(listed.sort()).toEqual(found.sort());
  });

  const cells = Object.entries(ROUTE_MATRIX).flatMap(([file, methods]) =>
    Object.entries(methods).map(([method, rule]) => ({
      file,
      method: method as HttpMethod,
      rule: rule as RouteRule,
    })),
  );

  it.each(cells.filter((c) => c.rule.e2e))(
    "$file $method: the end-to-end test it points to exists",
    ({ rule }) => {
      const pointer = rule.e2e;
      if (!pointer) return;
      const spec = path.join(ROOT, pointer.spec);
      expect(existsSync(spec)).toBe(true);
      expect(readFileSync(spec, "utf8")).toContain(pointer.mentions);
    },
  );

  it("attachments: only citizen A, body A and its supervisor get the file, even with a link signed for them", async () => {
    const rule = ROUTE_MATRIX["app/api/attachments/[id]/route.ts"]?.GET;
    const { GET } = await load("app/api/attachments/[id]/route.ts");
    if (!rule?.allowed || !GET) throw new Error("no attachments rule");
    const id = w.attachmentId;
    const get = (link: string) => GET(new Request(`${BASE}${link}`), { params: Promise.resolve({ id }) });
    const owner = w.actors.citizenA;
    if (!owner) throw new Error("no citizen A");
    const outcomes: Record<string, number> = {};
    for (const as of ACTORS) {
      const viewer = w.actors[as];
      state.user = viewer;
      // A link signed for this very viewer: the signature is not what grants access, the appeal is.
      const response = await get(attachmentLink(id, viewer ?? owner));
      outcomes[as] = response.status;
      if (response.status !== 200) {
        const body = await response.text();
        expect(body).toBe("Not found");
      }
    }
    expect(outcomes).toEqual(
      Object.fromEntries(ACTORS.map((a) => [a, rule.allowed?.includes(a) ? 200 : 404])),
    );
    // A link lifted from citizen A's page is worth nothing to anybody else, even to body A.
    state.user = w.actors.citizenB;
    expect((await get(attachmentLink(id, owner))).status).toBe(404);
  });

  /** The request each public route answers for the matrix, with its dynamic segment. */
  const PUBLIC_REQUESTS: Record<string, (w: World) => { url: string; params?: Record<string, string> }> = {
    "app/api/exports/metrics.csv/route.ts GET": () => ({ url: "/api/exports/metrics.csv" }),
    "app/api/exports/metrics.json/route.ts GET": () => ({ url: "/api/exports/metrics.json" }),
    "app/api/exports/answers.csv/route.ts GET": () => ({ url: "/api/exports/answers.csv" }),
    "app/api/exports/answers.json/route.ts GET": () => ({ url: "/api/exports/answers.json" }),
    "app/api/exports/register-figures.csv/route.ts GET": (w) => ({
      url: `/api/exports/register-figures.csv?source=${w.register}`,
    }),
    "app/api/exports/register-figures.json/route.ts GET": (w) => ({
      url: `/api/exports/register-figures.json?source=${w.register}`,
    }),
    "app/api/exports/public-appeals.csv/route.ts GET": () => ({ url: "/api/exports/public-appeals.csv" }),
    "app/api/exports/public-appeals.json/route.ts GET": () => ({ url: "/api/exports/public-appeals.json" }),
    "app/api/health/route.ts GET": () => ({ url: "/api/health" }),
    "app/api/moderation-log/route.ts GET": () => ({ url: "/api/moderation-log" }),
    "app/api/moderation-log/checkpoint/route.ts GET": () => ({ url: "/api/moderation-log/checkpoint" }),
    "app/api/moderation-log/checkpoints/route.ts GET": () => ({ url: "/api/moderation-log/checkpoints" }),
    "app/api/open311/[resource]/route.ts GET": () => ({
      url: "/api/open311/discovery.json",
      params: { resource: "discovery.json" },
    }),
    "app/api/open311/v2/[resource]/route.ts GET": () => ({
      url: "/api/open311/v2/requests.json",
      params: { resource: "requests.json" },
    }),
    "app/api/open311/v2/requests/[id]/route.ts GET": (w) => ({
      url: `/api/open311/v2/requests/${encodeURIComponent(w.appeals.main.number)}.json`,
      params: { id: encodeURIComponent(`${w.appeals.main.number}.json`) },
    }),
    "app/api/open311/v2/services/[code]/route.ts GET": () => ({
      url: "/api/open311/v2/services/housing_utilities.json",
      params: { code: "housing_utilities.json" },
    }),
    "app/api/exports/grading-rounds/[id]/sample.csv/route.ts GET": (w) => ({
      url: `/api/exports/grading-rounds/${w.grading.closed}/sample.csv`,
      params: { id: w.grading.closed },
    }),
    "app/api/exports/grading-rounds/[id]/sample.json/route.ts GET": (w) => ({
      url: `/api/exports/grading-rounds/${w.grading.closed}/sample.json`,
      params: { id: w.grading.closed },
    }),
    "app/api/openapi.json/route.ts GET": () => ({ url: "/api/openapi.json" }),
    "app/.well-known/security.txt/route.ts GET": () => ({ url: "/.well-known/security.txt" }),
    "app/open-data/index.json/route.ts GET": () => ({ url: "/open-data/index.json" }),
    // The file that holds the appeals: the one that could leak if any could.
    "app/open-data/[date]/[file]/route.ts GET": () => ({
      url: `/open-data/${snapshotDate}/appeals.json`,
      params: { date: snapshotDate, file: "appeals.json" },
    }),
  };

  it.each(cells.filter((c) => c.rule.access === "public"))(
    "$file $method: public, and nothing of citizen A or an unpublished appeal in it",
    async ({ file, method }) => {
      const build = PUBLIC_REQUESTS[`${file} ${method}`];
      if (!build) throw new Error(`${file} ${method} is public: give it a request in PUBLIC_REQUESTS`);
      const handler = (await load(file))[method];
      if (!handler) throw new Error(`${file} exports no ${method}`);
      const { url, params } = build(w);
      const response = await handler(new Request(`${BASE}${url}`, { method }), {
        params: Promise.resolve(params ?? {}),
      });
      expect(response.status).toBe(200);
      expect(leaked(await response.text(), secrets())).toEqual([]);
    },
  );

  it("Open311 POST files only with an issued, unrevoked key; without one it answers 403 and nothing else", async () => {
    const { POST } = await load("app/api/open311/v2/[resource]/route.ts");
    if (!POST) throw new Error("no Open311 POST");
    const post = (key: string | null, as: ActorName) => {
      state.user = w.actors[as];
      const fields = new URLSearchParams({
        service_code: "housing_utilities",
        description: "The street light at the bus stop on Abai Ave has been dark for a week.",
        lat: "43.238",
        long: "76.945",
        first_name: "Ерлан",
        last_name: "Клиентов",
        ...(key === null ? {} : { api_key: key }),
      });
      return POST(
        new Request(`${BASE}/api/open311/v2/requests.json`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: fields.toString(),
        }),
        { params: Promise.resolve({ resource: "requests.json" }) },
      );
    };
    // A session is no key: signed in as anyone, without a key the request is refused.
    for (const as of ACTORS) {
      for (const key of [null, "tyn_not-a-key-anyone-was-given"]) {
        const response = await post(key, as);
        expect(response.status, `${as} with ${key}`).toBe(403);
        expect(leaked(await response.text(), secrets())).toEqual([]);
      }
    }
    expect((await post(w.apiKey.key, "anonymous")).status).toBe(201);
  });

  const trpcGet = (procedure: string, input: unknown, headers: Record<string, string> = {}) =>
    new Request(
      `${BASE}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
      {
        headers,
      },
    );

  it("tRPC over HTTP: each actor gets citizen A's appeal as the matrix says, and a refusal is only a code", async () => {
    const { GET } = await load("app/api/trpc/[trpc]/route.ts");
    if (!GET) throw new Error("no tRPC GET");
    const params = { params: Promise.resolve({ trpc: "appeal.get" }) };
    const statuses: Record<string, number> = {};
    for (const as of ACTORS) {
      state.user = w.actors[as];
      const response = await GET(trpcGet("appeal.get", { id: w.appeals.main.id }), params);
      statuses[as] = response.status;
      const body = await response.text();
      if (as !== "citizenA") {
        expect(leaked(body, [...secrets(), w.appeals.main.number])).toEqual([]);
      }
    }
    expect(statuses).toEqual({
      anonymous: 401,
      citizenA: 200,
      citizenB: 404,
      officialA: 403,
      officialB: 403,
      supervisor: 403,
      operator: 403,
      moderator: 403,
      auditor: 403,
      admin: 403,
    });
  });

  it("tRPC over HTTP: a forged x-middleware-subrequest is still anonymous, and another origin cannot mutate", async () => {
    const { GET, POST } = await load("app/api/trpc/[trpc]/route.ts");
    if (!GET || !POST) throw new Error("no tRPC handler");
    const forged = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
    const profile = await GET(trpcGet("account.profile", undefined, forged), {
      params: Promise.resolve({ trpc: "account.profile" }),
    });
    expect(profile.status).toBe(401);

    state.user = w.actors.citizenA;
    const crossSite = await POST(
      new Request(`${BASE}/api/trpc/notification.markRead`, {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/json", host: "localhost" },
        body: JSON.stringify({ json: {} }),
      }),
      { params: Promise.resolve({ trpc: "notification.markRead" }) },
    );
    expect(crossSite.status).toBe(403);
  });

  it("next-auth refuses a sign-in posted from another origin before it reads the form", async () => {
    const { POST } = await load("app/api/auth/[...nextauth]/route.ts");
    if (!POST) throw new Error("no next-auth POST");
    const response = await POST(
      new Request(`${BASE}/api/auth/callback/credentials`, {
        method: "POST",
        headers: {
          origin: "https://evil.example",
          host: "localhost",
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ email: "x@example.kz", password: "whatever" }).toString(),
      }),
      { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) } as never,
    );
    expect(response.status).toBe(403);
  });
});
