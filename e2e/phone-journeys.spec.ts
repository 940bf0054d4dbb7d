import { expect, test } from "@playwright/test";
import { seedAppeal } from "./seed";
import { DEMO, DEMO_PASSWORD, expectNoAxeViolations, signInAs } from "./support";

// A citizen on a cheap phone: the header folds, forms say what is wrong before a slow upload, a link from
// an e-mail survives signing in, and a language switch keeps the search.
test.use({ viewport: { width: 360, height: 740 } });

test("the header folds into a menu that shows the unread notifications", async ({ page }) => {
  // An appeal of its own, so that the citizen has an unread notice whichever tests ran before.
  await seedAppeal({
    citizenEmail: DEMO.citizen,
    bodyCode: "akimat-almaty-city",
    subject: "Unread notice for the folded header",
    workingDaysAgo: 0,
  });
  await signInAs(page, DEMO.citizen);
  await page.goto("/kk/account");
  const nav = page.getByRole("navigation", { name: "Негізгі навигация" });
  await expect(nav).toBeHidden();
  const menu = page.locator("summary", { hasText: "Мәзір" });
  // The header leaves most of the screen to the page.
  expect((await page.locator("header").boundingBox())?.height ?? 999).toBeLessThan(160);
  await menu.click();
  await expect(nav.getByRole("link", { name: /Хабарламалар/ })).toBeVisible();
  await expect(nav.getByRole("link", { name: /Хабарламалар \d+ оқылмаған/ })).toBeVisible();
  await expect(menu).toContainText(/\d+/);
  // The next step after registering is one tap away.
  await expect(page.getByRole("link", { name: "Өтініш беру" }).last()).toBeVisible();
  await expectNoAxeViolations(page);

  // On a laptop every link is in view without a menu.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(menu).toBeHidden();
  await expect(nav).toBeVisible();
});

test("after signing in the citizen is back on the page the link led to", async ({ page }) => {
  await page.goto("/kk/notifications?page=1");
  await expect(page).toHaveURL(/\/kk\/sign-in\?callbackUrl=/);
  await page.getByLabel("Электрондық пошта").fill(DEMO.citizen2);
  await page.getByLabel("Құпиясөз").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Кіру" }).click();
  await expect(page).toHaveURL(/\/kk\/notifications\?page=1$/);

  // A link made to send someone elsewhere after signing in leads to their account instead.
  await page.context().clearCookies();
  await page.goto(`/kk/sign-in?callbackUrl=${encodeURIComponent("//evil.example/x")}`);
  await page.getByLabel("Электрондық пошта").fill(DEMO.citizen2);
  await page.getByLabel("Құпиясөз").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Кіру" }).click();
  await expect(page).toHaveURL(/\/kk\/account$/);
});

test("a file too big is refused before any byte is sent, in a summary that links to the field", async ({
  page,
}) => {
  await signInAs(page, DEMO.citizen2);
  await page.goto("/kk/appeals/new");
  const filings: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/trpc/appeal.file")) filings.push(r.url());
  });
  await page.getByLabel(/Файлдар/).setInputFiles({
    name: "photo.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.alloc(6 * 1024 * 1024, 0xff),
  });
  await page.getByRole("button", { name: /Өтінішті жіберу/ }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Төменде белгіленген өрістерді түзетіңіз." });
  await expect(summary).toBeFocused();
  await expect(page.getByLabel(/Файлдар/)).toHaveAccessibleDescription(/photo\.jpg/);
  await summary.getByRole("link").first().click();
  await expect(page.getByLabel(/Файлдар/)).toBeFocused();
  expect(filings).toEqual([]);
});

test("switching language keeps the search and the filters", async ({ page }) => {
  await page.goto("/kk/public-appeals?q=%D0%B6%D0%BE%D0%BB&sort=newest");
  await page.getByRole("link", { name: "Русский" }).click();
  await expect(page).toHaveURL(/\/ru\/public-appeals\?q=%D0%B6%D0%BE%D0%BB&sort=newest$/);
});

test("an unknown address gets the translated not-found page inside the site", async ({ page }) => {
  const response = await page.goto("/kk/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Бет табылмады" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Тыңдау" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an official finds an appeal in the inbox by its number", async ({ page }) => {
  const appeal = await seedAppeal({
    citizenEmail: DEMO.citizen2,
    bodyCode: "akimat-almaty-city",
    subject: `Found by number ${Date.now()}`,
    workingDaysAgo: 1,
  });
  await signInAs(page, DEMO.official);
  await page.goto("/kk/inbox");
  await page.getByLabel("Нөмірі бойынша табу").fill(appeal.number.slice(-6).replace(/^0+/, ""));
  await page.getByRole("button", { name: "Табу" }).click();
  await expect(page.getByRole("link", { name: appeal.number })).toBeVisible();
  await page.getByRole("link", { name: appeal.number }).click();
  await expect(page).toHaveURL(new RegExp(`/kk/inbox/${appeal.id}$`));
});
