import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";

const run = promisify(execFile);

test("an NGO imports a city's 311 export and anyone reads its figures on a page of its own", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // `npm run import` as the NGO runs it, into the e2e server's database.
  const { stdout } = await run(
    "npx",
    [
      "tsx",
      "scripts/import.ts",
      "test/fixtures/registers/nyc-311-sample.csv",
      "--mapping",
      "test/fixtures/registers/nyc-311-mapping.json",
    ],
    { timeout: 60_000 },
  );
  expect(stdout).toMatch(/7 rows read, \d+ written, \d+ unchanged, 2 refused/);

  await page.goto("/kk/open-data");
  await page.getByRole("link", { name: "nyc-311-sample" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "«nyc-311-sample» тізілімі" })).toBeVisible();
  // The whole register, as computed by hand in import-register.test.ts.
  const figure = (name: string) =>
    page.locator("dt", { hasText: name }).locator("xpath=following-sibling::dd");
  await expect(figure("Өтініштер")).toHaveText("5");
  await expect(figure("Жабылғанға дейінгі сағат, медиана")).toHaveText("36,5");
  await expect(
    page.getByText("Алдын ала, заң ережелерімен есептелген және әлі расталмаған жылдар: 2023."),
  ).toBeVisible();
  const agencies = page.getByRole("table", { name: "Ведомстволар бойынша" });
  await expect(agencies.getByRole("row", { name: /NYPD/ })).toContainText("14,3");
  await expect(page.getByRole("table", { name: "Қызмет түрлері бойынша" }).getByRole("row")).toHaveCount(5);
  // On a phone each table row is a card: nothing scrolls sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page);

  const csv = await page.request.get(
    (await page.getByRole("link", { name: "CSV, кестелерге арналған" }).getAttribute("href")) ?? "",
  );
  expect(csv.status()).toBe(200);
  expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(await csv.text()).toContain("nyc-311-sample,America/New_York,all,,5,4,0.8,36.5,182.4,1,6.2,2023");

  for (const [locale, title] of [
    ["ru", "Реестр «nyc-311-sample»"],
    ["en", "Register “nyc-311-sample”"],
  ] as const) {
    await page.goto(`/${locale}/open-data/registers/nyc-311-sample`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  }
  expect((await page.request.get("/en/open-data/registers/no-such-register")).status()).toBe(404);
});
