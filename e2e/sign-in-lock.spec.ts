import { type APIRequestContext, expect, test } from "@playwright/test";
import { createCitizen } from "./accounts";
import { uniqueEmail } from "./support";

// The e2e server trusts loopback as its reverse proxy (playwright.config.ts, TRUSTED_PROXIES): this test
// runner plays the proxy, and the last X-Forwarded-For hop it adds is the client's address. Whatever the
// client itself wrote before that hop is what an attacker controls, and is made fresh for every guess.
const PASSWORD = "violet harbour lantern 58";
const forged = () => `${1 + Math.floor(Math.random() * 220)}.${Math.floor(Math.random() * 250)}.7.9`;
const hop = () => `198.18.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

/** A sign-in exactly as next-auth's client posts it: the CSRF token, then the urlencoded form. */
async function postSignIn(request: APIRequestContext, fields: [string, string][], forwardedFor: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const body = new URLSearchParams([["csrfToken", csrfToken], ...fields, ["json", "true"]]).toString();
  return request.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": forwardedFor },
    data: body,
  });
}

const sessionCookieOf = (response: { headersArray(): { name: string; value: string }[] }) =>
  response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .some((h) => h.value.includes("next-auth.session-token"));

test("a form with the e-mail twice is refused, so no lock can count one account while another is tried", async ({
  request,
}) => {
  const target = uniqueEmail("twice");
  await createCitizen({ email: target, password: PASSWORD });
  const response = await postSignIn(
    request,
    [
      ["email", uniqueEmail("decoy")],
      ["email", target],
      ["password", PASSWORD],
    ],
    `${forged()}, ${hop()}`,
  );
  expect(response.status()).toBe(400);
  expect(sessionCookieOf(response)).toBe(false);
});

test("guesses from ever new addresses lock the account, which then refuses even the right password", async ({
  request,
}) => {
  const target = uniqueEmail("guessed");
  await createCitizen({ email: target, password: PASSWORD });
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const response = await postSignIn(
      request,
      [
        ["email", i % 2 ? target.toUpperCase() : target],
        ["password", `wrong guess ${i}`],
      ],
      `${forged()}, ${hop()}`,
    );
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(10)).toEqual([429, 429]);

  const right = await postSignIn(
    request,
    [
      ["email", target],
      ["password", PASSWORD],
    ],
    `${forged()}, ${hop()}`,
  );
  expect(right.status()).toBe(429);
  expect(Number(right.headers()["retry-after"])).toBeGreaterThan(0);
  expect(sessionCookieOf(right)).toBe(false);
});

test("an address that guessed ten times is locked whatever it writes in X-Forwarded-For", async ({
  request,
}) => {
  const address = hop();
  for (let i = 0; i < 10; i++) {
    const response = await postSignIn(
      request,
      [
        ["email", uniqueEmail(`sprayed-${i}`)],
        ["password", "Summer2026!"],
      ],
      `${forged()}, ${address}`,
    );
    expect(response.status()).toBe(401);
  }
  const next = await postSignIn(
    request,
    [
      ["email", uniqueEmail("sprayed-next")],
      ["password", "Summer2026!"],
    ],
    `${forged()}, ${address}`,
  );
  expect(next.status()).toBe(429);
});
