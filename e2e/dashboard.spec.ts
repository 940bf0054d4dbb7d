import { expect, test } from "@playwright/test";
import { type SeededDashboard, seedDashboard } from "./seed-dashboard";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

const TEXT = {
  kk: { title: "Мемлекет қалай тыңдайды", region: "Павлодар облысы", league: "Органдарды салыстыру" },
  ru: {
    title: "Как слушает государство",
    region: "Павлодарская область",
    league: "Органы рядом друг с другом",
  },
  en: { title: "How the state listens", region: "Pavlodar Region", league: "Bodies side by side" },
} as const;

let seeded: SeededDashboard;

test.beforeAll(async () => {
  seeded = await seedDashboard({ citizenEmail: DEMO.citizen2 });
});

for (const locale of ["kk", "ru", "en"] as const) {
  test(`the public dashboard shows the map, the league table and a body's page (${locale})`, async ({
    page,
  }) => {
    // Three pages, each read at two widths and checked by axe: 40–50 s on a loaded 2-core machine.
    test.setTimeout(120_000);
    const text = TEXT[locale];
    await page.goto(`/${locale}/dashboard`);
    await expect(page.getByRole("heading", { level: 1, name: text.title })).toBeVisible();

    // The map: every region is a link named with its value and the appeals behind it.
    const region = page.getByRole("link", { name: new RegExp(`^${text.region}: `) }).first();
    await expect(region).toBeVisible();
    await expect(page.locator("svg a")).toHaveCount(20);
    await expectNoAxeViolations(page);

    // The league table: the seeded body, with its two appeals and the "few appeals" mark.
    await expect(page.getByRole("heading", { level: 2, name: text.league })).toBeVisible();
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: seeded.bodyName[locale] }) });
    await expect(row).toContainText("2");
    await row.getByRole("link", { name: seeded.bodyName[locale] }).click();

    await expect(page.getByRole("heading", { level: 1 })).toContainText(seeded.bodyName[locale]);
    await expect(page.getByRole("table").first()).toBeVisible();
    await expect(page.getByRole("img").first()).toBeVisible();
    await expectNoAxeViolations(page);

    // The region's page, from the map.
    await page.goto(`/${locale}/dashboard`);
    await page
      .getByRole("link", { name: new RegExp(`^${text.region}: `) })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(text.region);
    await expectNoAxeViolations(page);
  });
}

test("the league table sorts by a listed figure only", async ({ page }) => {
  await page.goto("/en/dashboard?sort=medianDays&order=asc");
  await expect(page.getByRole("columnheader", { name: /Median working days/ })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  await page.goto("/en/dashboard?sort=name");
  await expect(page.getByRole("columnheader", { name: /Appeals received/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
});

test("an auditor drills down from a figure to the appeals behind it", async ({ page }) => {
  await signInAs(page, DEMO.auditor);
  await page.goto(`/en/dashboard/bodies/${seeded.bodyCode}`);
  await page.getByRole("link", { name: "Show the appeal behind “Overdue now”" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Appeals behind a figure" })).toBeVisible();
  // The street is an address: auditors see it redacted like everyone else (docs/security.md).
  await expect(page.getByRole("row").filter({ hasText: seeded.overdue })).toContainText("No heating on […]");
  await expect(page.getByRole("row").filter({ hasText: seeded.answered })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: seeded.overdue }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Appeal ${seeded.overdue}` })).toBeVisible();
  await expect(page.getByText("The heating in our block on", { exact: false })).toBeVisible();
  // The applicant stays out of the auditor's view.
  await expect(page.getByText("Dashboard Test Applicant")).toHaveCount(0);
  await expect(page.getByText("applicant@ekibastuz.test")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("the drill-down is for auditors only", async ({ page }) => {
  await page.goto("/en/audit");
  await expect(page).toHaveURL(/sign-in/);
  await signInAs(page, DEMO.citizen);
  const response = await page.goto("/en/audit");
  expect(response?.status()).toBe(404);
});
