import { expect, test } from "@playwright/test";
import { DEMO, signInAs } from "./support";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const SUBJECT_XSS = `<img src=x onerror="alert('subject')"> ${Date.now().toString(36)}`;
const TEXT_XSS = `<script>alert('text')</script><svg onload="alert('svg')"></svg> Hot water is off since October in block 5.`;

test("stored script in an appeal, its subject and a file name never runs for the citizen or the official", async ({
  page,
  browser,
}) => {
  const fired: string[] = [];
  page.on("dialog", async (dialog) => {
    fired.push(dialog.message());
    await dialog.dismiss();
  });
  await signInAs(page, DEMO.citizen);
  await page.goto("/en/appeals/new");
  await page.getByRole("radio", { name: "Application" }).check();
  await page.getByLabel("Topic").selectOption({ label: "Housing and utilities" });
  await page.getByLabel("Region or city (optional)").selectOption({ label: "Almaty" });
  await expect(page.getByRole("group", { name: "Proposed bodies" }).getByRole("radio").first()).toBeChecked();
  await page.getByLabel("Subject").fill(SUBJECT_XSS);
  await page.getByLabel("Text of the appeal").fill(TEXT_XSS);
  await page.getByLabel("Files (optional)").setInputFiles({
    name: `"><img src=x onerror=alert('file')>.pdf`,
    mimeType: "application/pdf",
    buffer: PDF,
  });
  await page.getByRole("button", { name: "Send the appeal" }).click();
  await expect(page.getByRole("region", { name: "Your appeal is registered" })).toBeVisible();

  await page.goto("/en/appeals");
  await page.getByRole("row").filter({ hasText: SUBJECT_XSS }).getByRole("link").first().click();
  await expect(page.getByText(TEXT_XSS)).toBeVisible();

  const official = await browser.newContext();
  const officialPage = await official.newPage();
  officialPage.on("dialog", async (dialog) => {
    fired.push(dialog.message());
    await dialog.dismiss();
  });
  await signInAs(officialPage, DEMO.official);
  await officialPage.goto("/en/inbox");
  await officialPage.getByRole("row").filter({ hasText: SUBJECT_XSS }).getByRole("link").first().click();
  await expect(officialPage.getByText(TEXT_XSS)).toBeVisible();
  await official.close();
  expect(fired).toEqual([]);
});

test("pages carry a nonce-based policy without unsafe-inline scripts, nosniff, a referrer policy and no framing", async ({
  request,
}) => {
  const response = await request.get("/en");
  const csp = response.headers()["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(html).toContain(`nonce="${nonce}"`);
});

test("a forged x-middleware-subrequest header gets no further than no header at all", async ({ request }) => {
  const forged = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
  const api = await request.get("/api/trpc/account.profile", { headers: forged });
  expect(api.status()).toBe(401);
  expect(await api.text()).not.toContain("@");
  const page = await request.get("/en/account", { headers: forged, maxRedirects: 0 });
  expect([303, 307, 308]).toContain(page.status());
  expect(page.headers().location).toContain("/sign-in");
});

test("session cookies are HttpOnly and SameSite, and a cross-origin mutation is refused", async ({
  page,
  request,
}) => {
  await signInAs(page, DEMO.citizen);
  const session = (await page.context().cookies()).find((c) => c.name.includes("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  const crossSite = await request.post("/api/trpc/account.register", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: {
      json: {
        fullName: "Evil",
        email: "evil@example.kz",
        password: "violet harbour lantern 58",
        locale: "en",
      },
    },
  });
  expect(crossSite.status()).toBe(403);
});

test("registration floods from one address get 429 with Retry-After", async ({ request }) => {
  const from = {
    "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 200)}`,
    "content-type": "application/json",
  };
  const register = (i: number) =>
    request.post("/api/trpc/account.register", {
      headers: from,
      data: {
        json: {
          fullName: `Flood ${i}`,
          email: `flood-${Date.now()}-${i}@example.kz`,
          password: "violet harbour lantern 58",
          locale: "en",
        },
      },
    });
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await register(i)).status());
  expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
  const refused = await register(7);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
});

test("a malformed request gets a 400, never a 500 or a stack trace", async ({ request }) => {
  const broken = await request.post("/api/trpc/account.register", {
    headers: { "content-type": "application/json" },
    data: "{not json",
  });
  expect(broken.status()).toBe(400);
  const text = await broken.text();
  expect(text).not.toMatch(/at \w+ \(|node_modules|stack/);
});
