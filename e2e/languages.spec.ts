import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";

test("a visitor switches the language to Kazakh and back", async ({ page }) => {
  await page.goto("/en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("the state must listen");

  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Қазақша" }).click();
  await expect(page).toHaveURL(/\/kk$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("мемлекет тыңдауға міндетті");
  await expectNoAxeViolations(page);

  await page.getByRole("navigation", { name: "Тіл" }).getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("the state must listen");
});

test.describe("a browser that prefers Russian", () => {
  test.use({ locale: "ru-RU" });
  test("is sent from the bare address to the Russian site", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/ru$/);
    await expectNoAxeViolations(page);
  });
});

test("the home page reads in Russian", async ({ page }) => {
  await page.goto("/ru");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("государство обязано слушать");
  await expectNoAxeViolations(page);
});
