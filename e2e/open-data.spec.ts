import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";

const run = promisify(execFile);

/** `npm run verify-snapshot -- <url> <date>` as anyone would run it: its exit code and what it printed. */
async function verifySnapshot(baseUrl: string, date: string) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/verify-snapshot.ts", baseUrl, date], {
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

test("a journalist finds the day's signed snapshot, downloads its files and verifies them", async ({
  page,
  baseURL,
}) => {
  // The job takes the day's snapshot when the server starts; give it the moment it needs.
  await expect
    .poll(
      async () => ((await (await page.request.get("/open-data/index.json")).json()).snapshots ?? []).length,
      {
        timeout: 30_000,
      },
    )
    .toBeGreaterThan(0);

  await page.goto("/kk/open-data");
  await expect(
    page.getByRole("heading", { level: 1, name: "Ашық деректердің күнделікті көшірмелері" }),
  ).toBeVisible();
  const table = page.getByRole("table", { name: "Сақталған көшірмелер, ең жаңасы жоғарыда" });
  const newest = table.getByRole("rowheader").first();
  const date = (await newest.textContent())?.trim() ?? "";
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expectNoAxeViolations(page);
  for (const size of [
    { width: 360, height: 740 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/open-data-kk-${size.width}.png`, fullPage: true });
  }

  const manifest = await page.request.get(
    (await table.getByRole("link", { name: "manifest.json" }).first().getAttribute("href")) ?? "",
  );
  expect(manifest.status()).toBe(200);
  const signed = (await manifest.json()) as { manifest: { date: string; files: { path: string }[] } };
  expect(signed.manifest.date).toBe(date);
  const appeals = await page.request.get(
    (await table.getByRole("link", { name: "appeals.json" }).first().getAttribute("href")) ?? "",
  );
  expect(Array.isArray(await appeals.json())).toBe(true);

  // The command the page shows, run as it says.
  await expect(page.getByText(`npm run verify-snapshot -- ${baseURL} ${date}`)).toBeVisible();
  const verdict = await verifySnapshot(baseURL ?? "", date);
  expect(verdict.output).toMatch(/^OK: snapshot \d{4}-\d{2}-\d{2}, 3 files match/m);
  expect(verdict.code).toBe(0);

  for (const locale of ["ru", "en"]) {
    await page.goto(`/${locale}/open-data`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      locale === "ru" ? "Ежедневные снимки открытых данных" : "Daily open data snapshots",
    );
  }
});
