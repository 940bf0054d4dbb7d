import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./support";

const ROLES = [
  { email: DEMO.citizen, role: "Citizen" },
  { email: DEMO.official, role: "Official" },
  { email: DEMO.operator, role: "Service-centre operator" },
  { email: DEMO.moderator, role: "Moderator" },
  { email: DEMO.auditor, role: "Auditor" },
  { email: DEMO.admin, role: "Administrator" },
];

for (const { email, role } of ROLES) {
  test(`the seeded ${role.toLowerCase()} signs in and sees their role`, async ({ page }) => {
    await page.goto("/en/sign-in");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "My account" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: role }).first()).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  });
}
