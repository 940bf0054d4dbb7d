import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { authOptions } from "@/server/auth/options";
import { hashPassword } from "@/server/auth/password";
import { hitRateLimit } from "@/server/rate-limit/hit-rate-limit";
import type { Context } from "@/server/trpc";
import { createActor } from "@/test/actors";
import { captureLogs, type LogEntry } from "@/test/capture-logs";
import { useTestDatabase } from "@/test/database";
import { bodyIdOf, officialOf } from "@/test/official-fixtures";
import { trpcEndpoint, trpcUrl } from "@/test/trpc-over-http";
import { withRequestId } from "./logger";

// Every personal value below carries this mark; none may reach the log in any form.
const MARK = `zq${randomBytes(4).toString("hex")}`;
const CITIZEN = {
  fullName: `Aigerim ${MARK}name Seitkali`,
  email: `${MARK}.mail@example.kz`,
  phone: "+77019876543",
  password: `${MARK}-correct-password`,
};
const APPLICANT = {
  applicantName: `Bolat ${MARK}applicant`,
  phone: "+7 701 987 65 43",
  address: `${MARK}addr, Abay avenue 10, Almaty`,
  email: `${MARK}.applicant@example.kz`,
};
const SUBJECT = `${MARK}subject: no heating in block 5`;
const TEXT = `${MARK}text The heating in block 5 has been off since the first of November.`;
const ACCESS_CODE = `${MARK}code`;
const CLIENT_IP = "203.0.113.77";
const PERSONAL = [MARK, "9876543", "987 65 43", CLIENT_IP];

const ID = {
  file: "req-file-0000000000000001",
  assisted: "req-assisted-00000000000002",
  otherCitizen: "req-denied-citizen-0000003",
  anonymous: "req-denied-anon-000000004",
  official: "req-denied-official-00005",
  tracked: "req-rate-limited-000000006",
  signInFailed: "req-sign-in-failed-000007",
  signedIn: "req-signed-in-00000000008",
  faulty: "req-db-fault-0000000000009",
};

type Authorize = (credentials: Record<string, string>, req: unknown) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options
  .authorize;

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

describe("what the log keeps of a filing, a sign-in, a refusal and a fault", () => {
  const db = useTestDatabase();
  const logs = captureLogs();
  let entries: LogEntry[] = [];
  let citizenId = "";
  let appealId = "";
  const responses: Record<string, Response> = {};

  beforeAll(async () => {
    // Sign-in reads the app's own pool, as in production.
    vi.stubEnv("DATABASE_URL", db.url());
    const bodyId = await bodyIdOf(db(), "akimat-almaty-city");
    const citizen = { ...(await createActor(db(), "citizen")), ...CITIZEN };
    citizenId = citizen.id;
    await db()
      .update(users)
      .set({
        fullName: CITIZEN.fullName,
        email: CITIZEN.email,
        phone: CITIZEN.phone,
        passwordHash: await hashPassword(CITIZEN.password),
      })
      .where(eq(users.id, citizen.id));
    const operator = await createActor(db(), "operator");
    const { user: official } = await officialOf(db(), "akimat-astana");
    const otherCitizen = await createActor(db(), "citizen");
    const as = (user: Context["user"]) => trpcEndpoint(() => ({ db: db(), user, clientIp: CLIENT_IP }));
    const post = (requestId: string, path: string, body: BodyInit) =>
      new Request(`http://localhost/api/trpc/${path}`, {
        method: "POST",
        body,
        headers: { "x-request-id": requestId },
      });
    const get = (requestId: string, path: string, input: unknown) =>
      new Request(trpcUrl(path, input), { headers: { "x-request-id": requestId } });
    const appeal = {
      kind: "application",
      bodyId,
      category: "housing_utilities",
      subject: SUBJECT,
      text: TEXT,
    };

    responses.file = await as(citizen)(
      post(ID.file, "appeal.file", form({ ...appeal, locale: "ru", idempotencyKey: randomUUID() })),
    );
    appealId = superjson.deserialize<{ id: string }>((await responses.file.clone().json()).result.data).id;
    const assisted = { ...appeal, ...APPLICANT, locale: "kk", consent: "true" };
    responses.assisted = await as(operator)(
      post(ID.assisted, "operator.file", form({ ...assisted, idempotencyKey: randomUUID() })),
    );
    responses.otherCitizen = await as(otherCitizen)(get(ID.otherCitizen, "appeal.get", { id: appealId }));
    responses.anonymous = await as(null)(get(ID.anonymous, "appeal.get", { id: appealId }));
    responses.official = await as(official)(get(ID.official, "appeal.get", { id: appealId }));

    for (let i = 0; i < 30; i++) await hitRateLimit(db(), "trackAppeal", CLIENT_IP);
    const track = JSON.stringify(superjson.serialize({ number: "ЖТ-2026-000001", code: ACCESS_CODE }));
    responses.tracked = await as(null)(
      new Request("http://localhost/api/trpc/track.appeal", {
        method: "POST",
        body: track,
        headers: { "content-type": "application/json", "x-request-id": ID.tracked },
      }),
    );

    await withRequestId(ID.signInFailed, () =>
      authorize({ email: CITIZEN.email.toUpperCase(), password: `${MARK}-wrong` }, {}),
    );
    await withRequestId(ID.signedIn, () =>
      authorize({ email: CITIZEN.email, password: CITIZEN.password }, {}),
    );

    // A fault while the applicant's data is in the failing query's parameters.
    await db().execute(sql`create function refuse_appeal() returns trigger language plpgsql as
      $$ begin raise exception 'refused by the test'; end $$`);
    await db().execute(
      sql`create trigger refuse_appeal before insert on appeals for each row execute function refuse_appeal()`,
    );
    responses.faulty = await as(operator)(
      post(ID.faulty, "operator.file", form({ ...assisted, idempotencyKey: randomUUID() })),
    );
    await db().execute(sql`drop trigger refuse_appeal on appeals`);

    logs.stop();
    entries = logs.entries();
  });

  afterAll(async () => {
    await getDatabase().$client.end();
    vi.unstubAllEnvs();
  });

  const lineOf = (requestId: string, match: Partial<LogEntry>) =>
    entries.find((e) => e.requestId === requestId && Object.entries(match).every(([k, v]) => e[k] === v));

  it("holds none of the personal data, in any line", () => {
    expect(entries.length).toBeGreaterThan(15);
    const text = logs.text().toLowerCase();
    for (const value of PERSONAL) expect(text, value).not.toContain(value.toLowerCase());
    for (const entry of entries) expect(entry).toMatchObject({ service: "tyndau", time: expect.any(String) });
  });

  it("logs each call with the request id, the caller's id and role, the outcome and the duration", async () => {
    expect(responses.file?.status).toBe(200);
    expect(responses.file?.headers.get("x-request-id")).toBe(ID.file);
    expect(lineOf(ID.file, { procedure: "appeal.file" })).toMatchObject({
      level: "info",
      type: "mutation",
      userId: citizenId,
      role: "citizen",
      outcome: "ok",
      access: "granted",
      durationMs: expect.any(Number),
    });
    expect(lineOf(ID.assisted, { procedure: "operator.file" })).toMatchObject({
      outcome: "ok",
      role: "operator",
    });
    expect(lineOf(ID.file, { msg: "request" })).toMatchObject({ route: "trpc", method: "POST", status: 200 });
  });

  it("logs every refusal at warn, with who was refused and the rule that refused", () => {
    expect(responses.otherCitizen?.status).toBe(404);
    expect(lineOf(ID.otherCitizen, { procedure: "appeal.get" })).toMatchObject({
      level: "warn",
      role: "citizen",
      outcome: "NOT_FOUND",
      access: "denied",
      rule: "readable-appeal",
    });
    expect(responses.anonymous?.status).toBe(401);
    expect(lineOf(ID.anonymous, { procedure: "appeal.get" })).toMatchObject({
      level: "warn",
      userId: null,
      role: "anonymous",
      outcome: "UNAUTHORIZED",
      rule: "signed-in",
    });
    expect(responses.official?.status).toBe(403);
    expect(lineOf(ID.official, { procedure: "appeal.get" })).toMatchObject({
      level: "warn",
      role: "official",
      outcome: "FORBIDDEN",
      rule: "role:citizen",
    });
  });

  it("logs a rate-limit refusal by rule, with the address hashed", () => {
    expect(responses.tracked?.status).toBe(429);
    expect(lineOf(ID.tracked, { msg: "rate limit refused" })).toMatchObject({
      level: "warn",
      rule: "trackAppeal",
      subjectHash: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  });

  it("logs a failed sign-in by a keyed hash of the login, and a sign-in by user id", () => {
    const failed = lineOf(ID.signInFailed, { event: "sign-in" });
    expect(failed).toMatchObject({
      level: "warn",
      outcome: "failure",
      loginHash: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(lineOf(ID.signedIn, { event: "sign-in" })).toMatchObject({
      level: "info",
      outcome: "success",
      userId: citizenId,
      role: "citizen",
    });
  });

  it("logs a fault at error with its stack, and answers the client with the request id alone", async () => {
    expect(responses.faulty?.status).toBe(500);
    const body = await responses.faulty?.text();
    expect(JSON.parse(body ?? "").error.json).toMatchObject({
      message: "Internal error",
      data: { domainCode: "INTERNAL", requestId: ID.faulty },
    });
    expect(body).not.toContain("refused by the test");
    expect(body).not.toContain(MARK);
    const fault = lineOf(ID.faulty, { procedure: "operator.file" });
    expect(fault).toMatchObject({ level: "error", outcome: "INTERNAL_SERVER_ERROR", role: "operator" });
    const logged = JSON.stringify(fault?.err);
    expect(logged).toContain("refused by the test");
    // The failed statement is the one that files the appeal with its number (server/appeals/file-appeal.ts).
    expect(logged).toContain("Failed query:");
    expect(logged).toContain('insert into \\"appeals\\"');
    expect(logged).toMatch(/\\n\s+at /);
  });
});
