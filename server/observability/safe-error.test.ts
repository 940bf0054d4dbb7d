import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { safeError } from "./safe-error";

const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => Promise.reject(new Error("did not fail")),
    (e) => e,
  );

describe("safeError", () => {
  const db = useTestDatabase();

  it("keeps a unique violation's constraint and drops its detail, which quotes the duplicate value", async () => {
    const row = { email: "Duplicate.Person@example.kz", passwordHash: "x", fullName: "Someone Particular" };
    await db().insert(users).values(row);
    const error = await failureOf(db().insert(users).values(row));
    const logged = safeError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error }));
    expect(logged).toMatchObject({
      type: "TRPCError",
      message: "INTERNAL_SERVER_ERROR",
      cause: {
        type: "DrizzleQueryError",
        message: expect.stringMatching(/^Failed query: insert into "users" .* values \(/),
        cause: {
          type: "PostgresError",
          code: "23505",
          constraint: "users_email_key",
          table: "users",
          message: 'duplicate key value violates unique constraint "users_email_key"',
        },
      },
    });
    const text = JSON.stringify(logged);
    expect(text.toLowerCase()).not.toContain("duplicate.person");
    expect(text).not.toContain("Someone Particular");
    expect(text).not.toContain("params");
  });

  it("withholds the message of a data exception, which quotes the value", async () => {
    const error = await failureOf(db().execute(sql`select ${"Marker Value"}::uuid`));
    const logged = safeError(error);
    expect(logged).toMatchObject({
      message: "Failed query: select $1::uuid",
      cause: { type: "PostgresError", code: "22P02" },
    });
    expect(JSON.stringify(logged)).not.toContain("Marker Value");
  });

  it("says nothing of a thrown value that is not an error", () => {
    expect(safeError({ email: "thrown@example.kz" })).toEqual({
      type: "object",
      message: "a non-error value was thrown",
    });
  });
});
