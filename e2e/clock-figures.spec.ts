import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

type Seeded = {
  bodyCode: string;
  bodyName: { kk: string; ru: string; en: string };
  appealId: string;
  number: string;
};

const ROOT = path.resolve(__dirname, "..");
let seeded: Seeded;

test.beforeAll(async () => {
  const { stdout } = await promisify(execFile)(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(ROOT, "e2e/fixtures/seed-clock.ts"), JSON.stringify({ citizenEmail: DEMO.citizen2 })],
    { cwd: ROOT, env: process.env },
  );
  seeded = JSON.parse(stdout);
});

const TEXT = {
  kk: {
    title: "Сағатты қайта бастауға болмайды",
    afterDue: "Органның өз мерзімі өткеннен кейін жіберілген",
    survival: "Ашық өтініштерді ескергендегі жауап мерзімі, медиана",
  },
  ru: {
    title: "Часы не перезапустить",
    afterDue: "Перенаправлено после собственного срока",
    survival: "Срок ответа с учётом открытых, медиана",
  },
  en: {
    title: "The clock cannot be reset",
    afterDue: "Forwards after the body's own deadline",
    survival: "Time to answer, open appeals counted, median",
  },
} as const;

for (const locale of ["kk", "ru", "en"] as const) {
  test(`a body's page shows its late forward and its figures with their denominators (${locale})`, async ({
    page,
  }) => {
    // Two pages with axe, one of them the whole dashboard: on a shared machine this takes over a minute.
    test.slow();
    const text = TEXT[locale];
    await page.goto(`/${locale}/dashboard/bodies/${seeded.bodyCode}`);
    await expect(page.getByRole("heading", { level: 2, name: text.title })).toBeVisible();
    // The body forwarded one appeal, after its own deadline: 1 counted, out of 1 forward, 100%.
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: new RegExp(text.afterDue) }) });
    await expect(row.getByRole("cell")).toHaveText([/100/, "1", "1"]);
    // The appeal came back and is still open: the survival row counts it, as censored.
    await expect(page.getByRole("rowheader", { name: new RegExp(text.survival) })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(`/${locale}/dashboard`);
    await expect(page.getByRole("heading", { level: 2, name: text.title })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test("an auditor sees the ping-pong and the late forward on the appeal", async ({ page }) => {
  await signInAs(page, DEMO.auditor);
  await page.goto(`/en/dashboard/bodies/${seeded.bodyCode}`);
  await page.getByRole("link", { name: /Open the 1 appeals: Came back to a body that had it/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appeals behind a figure" })).toBeVisible();
  await page.getByRole("link", { name: seeded.number }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Clock flags" })).toBeVisible();
  await expect(page.getByText("Forwarded back to a body that already had it (ping-pong)")).toBeVisible();
  await expect(page.getByText("Forwarded after the sender's own deadline: 1")).toBeVisible();
  await expectNoAxeViolations(page);
});
