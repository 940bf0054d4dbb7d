import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/routers/_app";
import { useTestDatabase } from "@/test/database";
import { hitRateLimit, RATE_RULES } from "./hit-rate-limit";

describe("rate limits kept in PostgreSQL", () => {
  const db = useTestDatabase();
  const at = new Date("2026-11-26T10:00:30Z");

  it("counts every concurrent attempt exactly once and refuses past the limit until the window ends", async () => {
    const results = await Promise.all(
      Array.from({ length: RATE_RULES.signIn.limit + 5 }, () =>
        hitRateLimit(db(), "signIn", "email:a@b.kz", at),
      ),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(RATE_RULES.signIn.limit);
    // Windows of 300 s start on the clock: 10:00:00 to 10:05:00, so 270 s remain at 10:00:30.
    expect(results.find((r) => !r.allowed)?.retryAfterSeconds).toBe(270);
    expect(
      (await hitRateLimit(db(), "signIn", "email:a@b.kz", new Date("2026-11-26T10:05:01Z"))).allowed,
    ).toBe(true);
    expect((await hitRateLimit(db(), "signIn", "email:other@b.kz", at)).allowed).toBe(true);
  });

  it("keeps no login or address in clear in the table", async () => {
    await hitRateLimit(db(), "signIn", "email:aigerim.nurlanovna@mail.kz", at);
    await hitRateLimit(db(), "register", "203.0.113.99", at);
    const keys = await db().execute<{ key: string }>(sql`select key from rate_limits`);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys.map((k) => k.key).join(" ")).not.toMatch(/aigerim|mail\.kz|203\.0\.113/);
  });

  it("refuses the sixth registration from one address within the hour with TOO_MANY_REQUESTS", async () => {
    const caller = createCaller({ db: db(), user: null, clientIp: "203.0.113.7" });
    const register = (i: number) =>
      caller.account.register({
        fullName: `Citizen ${i}`,
        email: `c${i}@example.kz`,
        password: "long enough pw",
        locale: "ru",
      });
    for (let i = 0; i < RATE_RULES.register.limit; i++) await register(i);
    const error = await register(99).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "RATE_LIMITED" });
  });
});
