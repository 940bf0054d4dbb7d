import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/sessions";
import { fieldErrorsOf } from "@/server/validation";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { bodyIdOf } from "@/test/official-fixtures";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: () => state.db,
  getReadDatabase: () => state.db,
}));

const exportsRoute = {
  "public-appeals.csv": await import("@/app/api/exports/public-appeals.csv/route"),
  "public-appeals.json": await import("@/app/api/exports/public-appeals.json/route"),
  "metrics.csv": await import("@/app/api/exports/metrics.csv/route"),
  "metrics.json": await import("@/app/api/exports/metrics.json/route"),
};
const open311 = await import("@/app/api/open311/v2/[resource]/route");

/** The refusal, and the fields it names: a sort or filter nobody listed never reaches a query. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const e = error as TRPCError;
  expect(e.code).toBe("BAD_REQUEST");
  return fieldErrorsOf(e.cause as never);
}

describe("sorting and filtering accept only listed keys", () => {
  const db = useTestDatabase();
  beforeEach(() => {
    state.db = db();
  });
  let official: SessionUser | undefined;
  const callerAs = async (role: "official" | "admin" | "auditor" | "citizen" | null) => {
    if (role === "official") {
      official ??= await createActor(db(), "official", {
        bodyId: await bodyIdOf(db(), "akimat-almaty-city"),
      });
      return callerFor(db(), official);
    }
    return callerFor(db(), role ? await createActor(db(), role) : null);
  };

  it("public appeals: an unknown sort, an unknown filter key or value is BAD_REQUEST", async () => {
    const caller = await callerAs(null);
    const list = (input: object) => caller.publicAppeals.list(input as never);
    expect(await refusal(list({ sort: "subject" }))).toEqual({ sort: { key: "invalid", values: {} } });
    expect(await refusal(list({ sort: "filed_at; drop table appeals" }))).toHaveProperty("sort");
    expect(await refusal(list({ status: "hidden" }))).toHaveProperty("status");
    expect(await refusal(list({ authorId: randomUUID() }))).toEqual({
      _form: { key: "unknownField", values: {} },
    });
    expect(await refusal(list({ orderBy: "applicantName" }))).toHaveProperty("_form");
    // The listed ones work.
    for (const sort of ["relevance", "newest", "support"] as const) {
      await expect(caller.publicAppeals.list({ sort })).resolves.toMatchObject({ items: [] });
    }
  });

  it("the inbox: only its tabs, and no sort or filter it does not list", async () => {
    const caller = await callerAs("official");
    const inbox = (input: object) => caller.inbox.list(input as never);
    expect(await refusal(inbox({ tab: "all" }))).toHaveProperty("tab");
    expect(await refusal(inbox({ tab: "new", sort: "subject" }))).toHaveProperty("_form");
    expect(await refusal(inbox({ tab: "new", status: "closed" }))).toHaveProperty("_form");
    expect(await refusal(inbox({ tab: "new", authorId: randomUUID() }))).toHaveProperty("_form");
    await expect(caller.inbox.list({ tab: "overdue" })).resolves.toMatchObject({ items: [] });
  });

  it("the league table and the map: only listed sort keys, orders and metrics", async () => {
    const caller = await callerAs(null);
    const league = (input: object) => caller.metrics.league(input as never);
    expect(await refusal(league({ sort: "nameEn" }))).toHaveProperty("sort");
    expect(await refusal(league({ sort: "received", order: "random()" }))).toHaveProperty("order");
    expect(await refusal(league({ sort: "received", region: "almaty_city" }))).toHaveProperty("_form");
    expect(await refusal(caller.metrics.map({ metric: "population" } as never))).toHaveProperty("metric");
    await expect(caller.metrics.league({ sort: "p90Days", order: "asc" })).resolves.toEqual([]);
  });

  it("accounts, auditor figures, notifications and the moderation log: no unlisted key", async () => {
    const admin = await callerAs("admin");
    expect(await refusal(admin.accounts.list({ role: "root" } as never))).toHaveProperty("role");
    expect(await refusal(admin.accounts.list({ sort: "email" } as never))).toHaveProperty("_form");
    const auditor = await callerAs("auditor");
    expect(await refusal(auditor.audit.figure({ figure: "applicants" } as never))).toHaveProperty("figure");
    expect(
      await refusal(auditor.audit.figure({ figure: "received", sort: "subject" } as never)),
    ).toHaveProperty("_form");
    const citizen = await callerAs("citizen");
    expect(await refusal(citizen.notification.list({ sort: "type" } as never))).toHaveProperty("_form");
    expect(await refusal(citizen.moderation.log({ order: "desc" } as never))).toHaveProperty("_form");
  });

  const get = (file: keyof typeof exportsRoute, query: string) =>
    exportsRoute[file].GET(new Request(`http://localhost/api/exports/${file}?${query}`));

  it("the open data exports answer 400, never 500, to an unknown sort or filter", async () => {
    const refused = [
      "sort=subject",
      "order=desc",
      "authorId=00000000-0000-4000-8000-000000000000",
      "status=hidden",
      "region=nowhere",
      "by=category",
    ];
    for (const file of Object.keys(exportsRoute) as (keyof typeof exportsRoute)[]) {
      for (const query of refused) {
        const response = await get(file, query);
        expect(response.status, `${file}?${query}`).toBe(400);
      }
    }
    // The listed filters still work: a period for the metrics, the list page's filters for the appeals.
    expect((await get("metrics.json", "from=2026-01&to=2026-02&by=region")).status).toBe(200);
    expect((await get("public-appeals.json", "region=almaty_city&status=registered&overdue=0")).status).toBe(
      200,
    );
  });

  it("Open311 answers 400 to a status or service it does not list", async () => {
    for (const query of ["status=hidden", "service_code=applicants", "status=open,deleted"]) {
      const response = await open311.GET(
        new Request(`http://localhost/api/open311/v2/requests.json?${query}`),
        { params: Promise.resolve({ resource: "requests.json" }) },
      );
      expect(response.status, query).toBe(400);
    }
  });
});
