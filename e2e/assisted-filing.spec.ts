import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
const CITIZEN = "Бақытжан Серікұлы Тоқтаров";

test("an operator files for a citizen without internet, who follows the appeal by number and code", async ({
  page,
  browser,
}) => {
  await signInAs(page, DEMO.operator);
  await page.goto("/en/operator/file");
  await expect(page.getByRole("heading", { name: "File an appeal for a citizen" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Full name").fill(CITIZEN);
  await page.getByLabel("Phone").fill("+7 701 555 12 34");
  await page.getByLabel("Kind of appeal").selectOption({ label: "Application" });
  await page.getByLabel("Subject area").selectOption({ label: "Housing and utilities" });
  await page.getByLabel("Region").selectOption({ label: "Almaty" });
  // The competent body is proposed from the subject area and the region.
  await expect(page.getByLabel("State body").locator("option:checked")).toHaveText("Akimat of Almaty");
  await page.getByLabel("Subject", { exact: true }).fill("No hot water since October");
  await page
    .getByLabel("Text of the appeal", { exact: true })
    .fill("Our block at Abai Avenue 10 has had no hot water for three weeks. Please restore it.");
  await page
    .getByLabel("Scanned documents (optional)")
    .setInputFiles({ name: "statement.pdf", mimeType: "application/pdf", buffer: PDF });

  // Without the citizen's recorded consent nothing is filed.
  await page.getByRole("button", { name: "File the appeal" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Please correct the fields marked below." }),
  ).toBeVisible();
  const consent = page.getByRole("checkbox", { name: /The citizen consents to filing this appeal/ });
  await expect(consent).toHaveAccessibleDescription(/consent is required to file on their behalf/);
  await expect(page.getByLabel("Full name")).toHaveValue(CITIZEN);
  await expectNoAxeViolations(page);

  await consent.check();
  await page.getByRole("button", { name: "File the appeal" }).click();

  await expect(
    page.getByRole("heading", { name: "Receipt: appeal filed at a service centre" }),
  ).toBeVisible();
  const number = (await page.getByText(/^ЖТ-\d{4}-\d{6}$/).textContent()) ?? "";
  const codeRegion = page.getByRole("region", { name: "Access code" });
  const code = (await codeRegion.getByText(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/).textContent()) ?? "";
  expect(number).toMatch(/^ЖТ-\d{4}-\d{6}$/);
  expect(page.url()).not.toContain(code.replace("-", ""));
  await expect(page.getByText("Akimat of Almaty")).toBeVisible();
  await expect(page.getByText(/\(Almaty time\)/)).toBeVisible();
  await expect(page.getByText(/Once you leave this page the code cannot be shown again/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "How to follow the appeal" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Shown once: only a hash of the code is stored.
  await page.reload();
  await expect(page.getByText(/The access code was shown only once/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Access code" })).toHaveCount(0);

  // The citizen, on another device and without an account.
  const visitor = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const track = await visitor.newPage();
  await track.goto("/en/track");
  await expect(track.getByRole("heading", { name: "Follow an appeal" })).toBeVisible();
  await expectNoAxeViolations(track);
  await track.getByLabel("Registration number").fill(number);
  // Typed as people do: small letters, spaces.
  await track.getByLabel("Access code").fill(code.toLowerCase().replace("-", " "));
  await track.getByRole("button", { name: "Show the appeal" }).click();

  await expect(track.getByRole("heading", { name: `Appeal ${number}` })).toBeVisible();
  await expect(track.getByRole("definition").filter({ hasText: "Registered" })).toBeVisible();
  await expect(track.getByRole("definition").filter({ hasText: "Akimat of Almaty" })).toBeVisible();
  await expect(track.getByRole("definition").filter({ hasText: /\(Almaty time\)/ })).toBeVisible();
  await expect(track.getByText("No answer yet.", { exact: false })).toBeVisible();
  await expect(track.getByRole("heading", { name: "History of the appeal" })).toBeVisible();
  await expect(track.getByText("Appeal registered")).toBeVisible();
  await expect(track.getByText(CITIZEN)).toHaveCount(0);
  await expect(track.getByText("+7 701 555 12 34")).toHaveCount(0);
  expect(track.url()).not.toContain(code.replace("-", ""));
  await expectNoAxeViolations(track);

  // A wrong code says so in the page's language, and reveals nothing.
  await track.goto("/ru/track");
  await track.getByLabel("Регистрационный номер").fill(number);
  await track.getByLabel("Код доступа").fill("2222222222");
  await track.getByRole("button", { name: "Показать обращение" }).click();
  await expect(
    track.getByRole("alert").filter({ hasText: "Обращение с таким номером и кодом не найдено." }),
  ).toBeVisible();
  await expect(track.getByLabel("Регистрационный номер")).toHaveValue(number);
  await expect(track.getByRole("heading", { name: `Обращение ${number}` })).toHaveCount(0);
  await expectNoAxeViolations(track);
  await visitor.close();
});
