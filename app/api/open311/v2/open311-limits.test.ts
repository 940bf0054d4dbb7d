import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { mailMessages } from "@/db/schema";
import { issueApiKey } from "@/server/open311/api-keys";
import { hitRateLimit, RATE_RULES } from "@/server/rate-limit/hit-rate-limit";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";

// The route handler runs as Next.js runs it; only the process-wide pool is pointed at the test's database.
const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: () => state.db,
  getReadDatabase: () => state.db,
}));
const resourceRoute = await import("./[resource]/route");

const post = (body: URLSearchParams, headers: Record<string, string> = {}) =>
  resourceRoute.POST(
    new Request("http://localhost/api/open311/v2/requests.json", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "en", ...headers },
      body: body.toString(),
    }),
    { params: Promise.resolve({ resource: "requests.json" }) },
  );

describe("Open311 filings against a leaked or runaway key", () => {
  const db = useTestDatabase();
  let keyA = { id: "", key: "" };
  let keyB = { id: "", key: "" };
  let accountEmail = "";
  beforeAll(async () => {
    state.db = db();
    const account = await createActor(db(), "citizen", { fullName: "City 311 app" });
    accountEmail = account.email;
    const other = await createActor(db(), "citizen", { fullName: "Other 311 app" });
    const admin = await createActor(db(), "admin");
    keyA = await issueApiKey(db(), { name: "A", accountEmail: account.email, adminId: admin.id });
    keyB = await issueApiKey(db(), { name: "B", accountEmail: other.email, adminId: admin.id });
  });

  const filing = (key: string, email: string) =>
    new URLSearchParams({
      api_key: key,
      service_code: "housing_utilities",
      lat: "43.2567",
      long: "76.9286",
      first_name: "Aigerim",
      last_name: "Sarsenbayeva",
      email,
      description: "No heating in block 12 since Monday.\nThe radiators in all flats are cold.",
    });

  it("counts new filings per key: past the limit 429 with Retry-After, a replay still answered, other keys unaffected", async () => {
    const first = await post(filing(keyA.key, "typed-first@example.kz"), { "Idempotency-Key": "retry-me" });
    expect(first.status).toBe(201);
    // The rest of the hour's allowance, used up as a script would (the first filing counted one).
    for (let i = 1; i < RATE_RULES.open311Filing.limit; i++)
      await hitRateLimit(db(), "open311Filing", `apiKey:${keyA.id}`);

    const refused = await post(filing(keyA.key, "typed-next@example.kz"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual([
      { code: 429, description: "Too many requests filed with this api_key: try later." },
    ]);
    // From any address: the key is what counts, and a request can claim any address it likes.
    const elsewhere = await post(filing(keyA.key, "typed-next@example.kz"), {
      "X-Forwarded-For": "192.0.2.99",
    });
    expect(elsewhere.status).toBe(429);

    const replay = await post(filing(keyA.key, "typed-first@example.kz"), { "Idempotency-Key": "retry-me" });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(await first.clone().json());
    expect((await post(filing(keyB.key, "typed-b@example.kz"))).status).toBe(201);
  });

  it("mails notices only to confirmed addresses: never to an e-mail typed into a request", async () => {
    const filed = await post(filing(keyB.key, "victim-of-spam@example.kz"));
    expect(filed.status).toBe(201);
    expect(
      await db().select().from(mailMessages).where(eq(mailMessages.to, "victim-of-spam@example.kz")),
    ).toEqual([]);
    // The key's own (confirmed) account is told instead.
    const typed = await db().select().from(mailMessages).where(eq(mailMessages.to, "typed-first@example.kz"));
    expect(typed).toEqual([]);
    expect(
      (await db().select().from(mailMessages).where(eq(mailMessages.to, accountEmail))).length,
    ).toBeGreaterThan(0);
  });
});
