import { createRequire } from "node:module";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appeals } from "@/db/schema";
import { appealNumberOf } from "@/server/appeals/open-id";
import { issueApiKey } from "@/server/open311/api-keys";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { type Route, serveRoutes } from "@/test/routes-over-http";

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

/**
 * The `open311` npm package (codeforamerica/node-open311 0.0.12), installed as published: a callback API
 * over the `request` library. Only the calls this test makes are typed here.
 */
type Callback<T> = (error: unknown, data: T) => void;
type Open311Client = {
  serviceList(callback: Callback<Record<string, unknown>[]>): void;
  submitRequest(data: Record<string, unknown>, callback: Callback<Record<string, unknown>[]>): void;
  serviceRequests(
    id: string | string[],
    params: Record<string, string>,
    callback: Callback<Record<string, unknown>[]>,
  ): void;
};
const Open311 = createRequire(import.meta.url)("open311") as new (options: {
  endpoint: string;
  apiKey: string;
  jurisdiction: string;
  format: "json";
}) => Open311Client;

const promised = <T>(call: (callback: Callback<T>) => void) =>
  new Promise<T>((resolve, reject) =>
    call((error, data) => (error ? reject(new Error(`${String(error)}: ${String(data)}`)) : resolve(data))),
  );

const as = (handler: unknown) => handler as NonNullable<Route["handlers"]["GET"]>;
const ROUTES: Route[] = [
  { path: "/api/open311/v2/services/:code", handlers: { GET: as(definitionRoute.GET) } },
  { path: "/api/open311/v2/requests/:id", handlers: { GET: as(requestRoute.GET) } },
  {
    path: "/api/open311/v2/:resource",
    handlers: { GET: as(resourceRoute.GET), POST: as(resourceRoute.POST) },
  },
];

describe("an unmodified third-party Open311 client over HTTP", () => {
  const db = useTestDatabase();
  let server: Awaited<ReturnType<typeof serveRoutes>>;
  let client: Open311Client;
  beforeAll(async () => {
    state.db = db();
    const account = await createActor(db(), "citizen", { fullName: "City 311 app" });
    const admin = await createActor(db(), "admin");
    const { key } = await issueApiKey(db(), {
      name: "311 app",
      accountEmail: account.email,
      adminId: admin.id,
    });
    server = await serveRoutes(ROUTES);
    client = new Open311({
      // The client appends "services.json", "requests/<id>.json" to this, as the standard lays them out.
      endpoint: `${server.origin}/api/open311/v2/`,
      apiKey: key,
      jurisdiction: "tyndau.kz",
      format: "json",
    });
  });
  afterAll(() => server?.close());

  it("lists the services, files an appeal, and reads it back by its id and by the service_request_id filter", async () => {
    const services = await promised<Record<string, unknown>[]>((cb) => client.serviceList(cb));
    expect(services.map((s) => s.service_code)).toContain("roads_transport");

    const filed = await promised<Record<string, unknown>[]>((cb) =>
      client.submitRequest(
        {
          service_code: "roads_transport",
          lat: "43.2567",
          long: "76.9286",
          first_name: "Aigerim",
          last_name: "Sarsenbayeva",
          email: "aigerim@example.kz",
          description:
            "Абай даңғылы мен Төле би көшесінің қиылысында терең шұңқыр бар, көліктер зақымдануда.",
          attributes: { publish: "false" },
        },
        cb,
      ),
    );
    const id = String(filed[0]?.service_request_id);
    // The client puts the id into the URL as it is: it has to be ASCII.
    expect(id).toMatch(/^[\x21-\x7e]+$/);
    const number = appealNumberOf(id);
    // People still see the registration number in Cyrillic: the notice names it, the register holds it.
    expect(number).toMatch(/^ЖТ-\d{4}-\d{6}$/);
    expect(String(filed[0]?.service_notice)).toContain(number);
    const [appeal] = await db()
      .select({ channel: appeals.channel })
      .from(appeals)
      .where(eq(appeals.number, number ?? ""));
    expect(appeal?.channel).toBe("open311");

    const byId = await promised<Record<string, unknown>[]>((cb) => client.serviceRequests(id, {}, cb));
    expect(byId).toHaveLength(1);
    expect(byId[0]).toMatchObject({
      service_request_id: id,
      status: "open",
      service_code: "roads_transport",
    });
    // The client turns the W3C datetimes into Dates: they must parse.
    expect(byId[0]?.requested_datetime).toBeInstanceOf(Date);
    expect(Number.isNaN(Number(byId[0]?.expected_datetime))).toBe(false);

    const byFilter = await promised<Record<string, unknown>[]>((cb) => client.serviceRequests([id], {}, cb));
    expect(byFilter.map((r) => r.service_request_id)).toEqual([id]);
  });
});
