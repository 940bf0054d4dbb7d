import { expect, test } from "@playwright/test";
import { mailedLink } from "./accounts";
import { expectNoAxeViolations, uniqueEmail } from "./support";

test("a citizen registers, confirms the address by the mailed link, signs out and signs back in", async ({
  page,
}) => {
  // A long journey with a database fixture spawned under tsx and several axe runs.
  test.slow();
  const email = uniqueEmail("citizen");
  await page.goto("/en/register");
  await expectNoAxeViolations(page);
  await page.getByLabel("Full name").fill("Асель Болатқызы Жұмабаева");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("a long passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  // The same answer whether or not the address had an account: check the mailbox.
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Signed in but unconfirmed: the account says so.
  await page.goto("/en/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("a long passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "My account" })).toBeVisible();
  await expect(page.getByText("Your e-mail address is not confirmed yet.")).toBeVisible();

  await page.goto(await mailedLink(email, "verify-email"));
  await expect(page.getByRole("heading", { name: "Confirm your e-mail" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByText("Your address is confirmed.")).toBeVisible();
  // The next step a new citizen came for is offered at once.
  await expect(page.getByRole("main").getByRole("link", { name: "File an appeal" })).toHaveAttribute(
    "href",
    "/en/appeals/new",
  );
  await page.goto("/en/account");
  await expect(page.getByText("Signed in as Асель Болатқызы Жұмабаева (Citizen)")).toBeVisible();
  await expect(page.getByText("Your e-mail address is not confirmed yet.")).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/en/account");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("a long passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "My account" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
});

test("bad registration input gets translated errors beside the fields and keeps what was typed", async ({
  page,
}) => {
  await page.goto("/ru/register");
  await page.getByLabel("ФИО").fill("А");
  await page.getByLabel("Электронная почта").fill("not-an-email");
  await page.getByLabel("Пароль").fill("short");
  await page.getByRole("button", { name: "Создать учётную запись" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Исправьте отмеченные ниже поля." })).toBeVisible();
  await expect(page.getByLabel("ФИО")).toHaveAccessibleDescription(/Слишком коротко: не менее 2 символов/);
  await expect(page.getByLabel("Электронная почта")).toHaveAccessibleDescription(
    /Введите адрес электронной почты/,
  );
  await expect(page.getByLabel("Пароль")).toHaveAccessibleDescription(/не менее 12 символов/);
  await expect(page.getByLabel("ФИО")).toHaveValue("А");
  await expect(page.getByLabel("Электронная почта")).toHaveValue("not-an-email");
  await expectNoAxeViolations(page);
});

test("a wrong password is refused with a message in the page's language", async ({ page }) => {
  await page.goto("/kk/sign-in");
  await page.getByLabel("Электрондық пошта").fill("citizen@demo.tyndau.kz");
  await page.getByLabel("Құпиясөз").fill("definitely wrong");
  await page.getByRole("button", { name: "Кіру" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Электрондық пошта немесе құпиясөз қате." }),
  ).toBeVisible();
  await expect(page.getByLabel("Электрондық пошта")).toHaveValue("citizen@demo.tyndau.kz");
});
