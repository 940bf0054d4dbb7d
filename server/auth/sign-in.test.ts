import { describe, expect, it } from "vitest";
import { registerCitizen } from "@/server/accounts/register-citizen";
import { useTestDatabase } from "@/test/database";
import { signIn } from "./sign-in";

const PASSWORD = "violet harbour lantern 58";

describe("signing in against a guesser", () => {
  const db = useTestDatabase();

  it("locks an account after 10 failures from any addresses, and then refuses even the right password", async () => {
    await registerCitizen(db(), {
      fullName: "Target",
      email: "target@example.kz",
      password: PASSWORD,
      locale: "en",
    });
    for (let i = 0; i < 10; i++) {
      // A fresh address each time, as a botnet or a forged header would give: the account still counts.
      const outcome = await signIn(db(), {
        email: "TARGET@example.kz",
        password: `guess ${i}`,
        address: `198.51.100.${i}`,
      });
      expect(outcome).toEqual({ outcome: "refused" });
    }
    const right = await signIn(db(), {
      email: "target@example.kz",
      password: PASSWORD,
      address: "203.0.113.99",
    });
    expect(right).toMatchObject({ outcome: "locked" });
    expect(right.outcome === "locked" && right.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("locks an address after 10 failures on any accounts", async () => {
    await registerCitizen(db(), {
      fullName: "Other",
      email: "other@example.kz",
      password: PASSWORD,
      locale: "en",
    });
    for (let i = 0; i < 10; i++)
      await signIn(db(), { email: `someone-${i}@example.kz`, password: "guess", address: "192.0.2.50" });
    expect(
      await signIn(db(), { email: "other@example.kz", password: PASSWORD, address: "192.0.2.50" }),
    ).toMatchObject({
      outcome: "locked",
    });
    // The account itself is not locked: from another address its owner signs in.
    expect(
      await signIn(db(), { email: "other@example.kz", password: PASSWORD, address: "192.0.2.51" }),
    ).toMatchObject({
      outcome: "signed-in",
    });
  });
});
