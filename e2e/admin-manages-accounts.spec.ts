import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signInAs, uniqueEmail } from "./support";

test("an admin creates a moderator whose one-time password signs in, then disabling ends the session at once", async ({
  page,
  browser,
}) => {
  await signInAs(page, DEMO.admin);
  await page.goto("/en/admin/accounts");
  await expectNoAxeViolations(page);

  const email = uniqueEmail("moderator");
  await page.getByLabel("Full name", { exact: true }).fill("Жанар Сапарқызы Мұратова");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).first().selectOption("moderator");
  await page.getByRole("button", { name: "Create account" }).click();
  const created = page.getByRole("status").filter({ hasText: `Account ${email} created` });
  await expect(created).toBeVisible();
  const password = (await created.locator("code").textContent()) ?? "";
  expect(password.length).toBeGreaterThanOrEqual(12);

  const other = await browser.newContext();
  const moderatorPage = await other.newPage();
  await moderatorPage.goto("/en/sign-in");
  await moderatorPage.getByLabel("E-mail").fill(email);
  await moderatorPage.getByLabel("Password").fill(password);
  await moderatorPage.getByRole("button", { name: "Sign in" }).click();
  await expect(moderatorPage.getByText("Signed in as Жанар Сапарқызы Мұратова (Moderator)")).toBeVisible();

  await page.getByRole("textbox", { name: "Name or e-mail" }).fill(email);
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("button", { name: `Disable ${email}` }).click();
  await expect(page.getByRole("button", { name: `Enable ${email}` })).toBeVisible();

  // The very next request of the disabled moderator is anonymous.
  await moderatorPage.goto("/en/account");
  await expect(moderatorPage.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await other.close();
});

test("bad input on the staff form gets translated errors and keeps what was typed", async ({ page }) => {
  await signInAs(page, DEMO.admin);
  await page.goto("/ru/admin/accounts");
  await page.getByLabel("ФИО").fill("Б");
  await page.getByLabel("Электронная почта").fill("not-an-email");
  await page.getByRole("button", { name: "Создать" }).click();
  await expect(page.getByLabel("ФИО")).toHaveAccessibleDescription(/Слишком коротко/);
  await expect(page.getByLabel("Электронная почта")).toHaveValue("not-an-email");
});
