import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

test("the admin adds a day off to the calendar, sees it listed, and removes it", async ({ page }) => {
  await signInAs(page, DEMO.admin);
  await page.goto("/en/admin/calendar?year=2029");
  await expect(page.getByRole("heading", { level: 1, name: "Working-day calendar" })).toBeVisible();
  await expect(page.getByText("Deadlines already set are not rewritten")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Independence Day" }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Mon 12 Nov 2029: a weekday, so a day off there changes the count of working days.
  await page.getByLabel("Date", { exact: true }).fill("2029-11-12");
  await page.getByLabel("Kind of day").selectOption("day_off");
  await page.getByLabel("Name", { exact: true }).fill("Day off moved by an e2e test");
  await page.getByRole("button", { name: "Save the day" }).click();
  await expect(page.getByRole("status")).toContainText("Saved: 2029-11-12.");
  const row = page.getByRole("row").filter({ hasText: "Day off moved by an e2e test" });
  await expect(row).toContainText("Day off (moved)");
  await expect(row).toContainText("Monday");

  // A worked day on a weekday would change nothing: refused, with the reason.
  await page.getByLabel("Date", { exact: true }).fill("2029-11-14");
  await page.getByLabel("Kind of day").selectOption("working_day");
  await page.getByRole("button", { name: "Save the day" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "A worked day must fall on a Saturday or Sunday" }),
  ).toBeVisible();

  await row.getByRole("button", { name: /^Remove/ }).click();
  await expect(row).toHaveCount(0);
});

test("the admin sees which years are confirmed from official sources and which are provisional", async ({
  page,
}) => {
  await signInAs(page, DEMO.admin);
  await page.goto("/en/admin/calendar?year=2026");
  await expect(
    page.getByRole("heading", { level: 2, name: "Where the calendar of 2026 comes from" }),
  ).toBeVisible();
  await expect(page.getByText(/^Confirmed: every holiday/)).toBeVisible();
  // The sources are links to the publications themselves.
  const sources = page
    .getByRole("list")
    .filter({ has: page.getByRole("link", { name: /Ministry of Labour/ }) });
  await expect(sources.getByRole("link").first()).toHaveAttribute("href", /^https:\/\//);
  await expectNoAxeViolations(page);

  await page.getByLabel("Year").selectOption("2028");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(
    page.getByRole("heading", { level: 2, name: "Where the calendar of 2028 comes from" }),
  ).toBeVisible();
  await expect(page.getByText(/^Provisional: 2028 is computed from the rules/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the admin edits the terms of a kind of appeal", async ({ page }) => {
  await signInAs(page, DEMO.admin);
  await page.goto("/en/admin/policies");
  await expect(page.getByRole("heading", { level: 1, name: "Deadline policies" })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(7);
  await expectNoAxeViolations(page);

  const notice = page.getByRole("spinbutton", {
    name: "Response Tell the citizen of an extension within (working days)",
  });
  const save = page.getByRole("button", { name: "Save the terms of: Response" });
  await expect(notice).toHaveValue("3");

  await notice.fill("0");
  await save.click();
  await expect(page.getByRole("alert").filter({ hasText: "Response:" })).toBeVisible();
  await expect(notice).toHaveAttribute("aria-invalid", "true");

  await notice.fill("4");
  await save.click();
  await expect(page.getByRole("status")).toContainText("Saved the terms of: Response.");
  await page.reload();
  await expect(notice).toHaveValue("4");

  // Put the APPC's term back: other journeys run on the same database.
  await notice.fill("3");
  await save.click();
  await expect(page.getByRole("status")).toContainText("Saved the terms of: Response.");
});
