import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

test("a citizen reads their notifications", async ({ page }) => {
  await signInAs(page, DEMO.citizen);
  await page.goto("/en/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expectNoAxeViolations(page);
  const markAll = page.getByRole("button", { name: "Mark all as read" });
  if (await markAll.isVisible()) {
    await markAll.click();
    await expect(markAll).toBeHidden();
    await expect(page.getByText("New", { exact: true })).toHaveCount(0);
  }
});

test("the development outbox is shown to an admin only", async ({ page }) => {
  expect((await page.goto("/dev/outbox"))?.status()).toBe(404);
  await signInAs(page, DEMO.citizen);
  expect((await page.goto("/dev/outbox"))?.status()).toBe(404);

  await signInAs(page, DEMO.admin);
  expect((await page.goto("/dev/outbox"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expectNoAxeViolations(page);
});
