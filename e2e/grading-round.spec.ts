import { expect, type Page, test } from "@playwright/test";
import { drawSample, sampleDigest } from "../server/grading/draw-sample";
import { type SeededGrading, seedGrading } from "./seed-grading";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

let seeded: SeededGrading;

test.beforeAll(async () => {
  seeded = await seedGrading({ citizenEmail: DEMO.citizen2 });
});

const RUBRIC_ITEMS = [
  "Answers the question the appeal asked",
  "Names its legal ground",
  "Says what will be done and when",
  "Written in the appeal's language",
  "Respectful",
];

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
}

/** Grades every answer of the round the page shows; `pick` chooses each item's score by the answer's number. */
async function gradeAll(page: Page, pick: (answer: number, item: number, options: number) => number) {
  await page.getByRole("link", { name: "Grade the next answer" }).click();
  for (;;) {
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveText(/^Answer \d+$/);
    const answer = Number((await heading.textContent())?.replace(/\D/g, ""));
    // Blind: the body's name is nowhere on the page, nor the applicant.
    const main = page.getByRole("main");
    for (const body of seeded.bodies) await expect(main).not.toContainText(body.name.en);
    await expect(main).not.toContainText("Grading Test Applicant");
    await expect(main).toContainText("will drain the ground by 1 November 2025");
    if (answer === 1) {
      // Sending with an item unscored says which, and keeps the scores already chosen.
      await page.getByRole("group", { name: RUBRIC_ITEMS[0] }).getByRole("radio").first().check();
      await page.getByRole("button", { name: "Save my grades" }).click();
      await expect(
        page.getByRole("alert").filter({ hasText: `Choose a score for: ${RUBRIC_ITEMS[1]}` }),
      ).toBeVisible();
      await expect(
        page.getByRole("group", { name: RUBRIC_ITEMS[0] }).getByRole("radio").first(),
      ).toBeChecked();
    }
    for (const [i, name] of RUBRIC_ITEMS.entries()) {
      const radios = page.getByRole("group", { name }).getByRole("radio");
      await radios.nth(pick(answer, i, await radios.count())).check();
    }
    await page.getByRole("button", { name: "Save my grades" }).click();
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(`Answer ${answer}`);
    if (!(await page.getByRole("heading", { level: 1 }).textContent())?.startsWith("Answer ")) break;
  }
  await expect(page.getByText("You have graded every answer of this round.")).toBeVisible();
}

test("an auditor opens a round, two graders grade blind, and the closed round is public with intervals", async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, DEMO.auditor);
  await page.goto("/en/audit/grading");
  // A bad form: the error is said, the field marked, and nothing typed is lost.
  await page.getByLabel("Bodies (codes, separated by commas)").fill("no-such-body");
  await page.getByRole("button", { name: "Open the round" }).click();
  await expect(page.getByRole("alert", { name: "Please correct the fields" })).toBeVisible();
  await expect(page.getByLabel("Round title")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Bodies (codes, separated by commas)")).toHaveValue("no-such-body");
  await page.getByLabel("Round title").fill("A round of nothing");
  await page.getByRole("button", { name: "Open the round" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No body has the code" })).toBeVisible();
  await page.getByLabel("Round title").fill("October 2025, two ministries");
  await page.getByLabel("Appeals filed from (month)").fill("2025-10");
  await page.getByLabel("to (month)").fill("2025-10");
  await page
    .getByLabel("Bodies (codes, separated by commas)")
    .fill(seeded.bodies.map((b) => b.code).join(", "));
  await page.getByLabel("Margin of error").selectOption({ label: "±50%" });
  await page.getByLabel("Confidence").selectOption({ label: "90%" });
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Open the round" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "October 2025, two ministries" })).toBeVisible();
  await expect(
    page.getByRole("definition").filter({ hasText: "Seed committed, sample not drawn" }),
  ).toBeVisible();
  const roundId = page.url().split("/").at(-1) ?? "";
  const seedHash = (await page.getByText(/^[0-9a-f]{64}$/).textContent()) ?? "";
  await page.getByRole("button", { name: "Draw the sample" }).click();
  // Two answered appeals per body; ±50% at 90% samples both of each (docs/grading.md).
  await expect(page.getByRole("link", { name: /^Answer \d$/ })).toHaveCount(4);
  await expectNoAxeViolations(page);

  // The commitment is in the public log, before any seed is out.
  const log = await (await page.request.get("/api/moderation-log?after=0&limit=1000")).json();
  const commit = log.entries.find(
    (e: { content: { action: string; round?: string } }) =>
      e.content.action === "grading_seed_committed" && e.content.round === roundId,
  );
  expect(commit.content).toMatchObject({ seed_sha256: seedHash, seed: null });

  await gradeAll(page, (answer, item, options) => (answer + item) % options);
  await expectNoAxeViolations(page);

  await context.clearCookies();
  await signInAs(page, DEMO.auditor2);
  await page.goto(`/en/audit/grading/${roundId}`);
  // The second grader sees how many graded each answer, never how.
  await expect(page.getByRole("row").filter({ hasText: "Answer 1" })).toContainText("Not yet");
  await gradeAll(page, (answer, item, options) => (answer === 1 ? options - 1 : (answer + item) % options));
  await page.getByRole("button", { name: "Close the round and publish the results" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "Closed, results public" })).toBeVisible();
  await page.getByRole("link", { name: "Published results" }).click();
  await page.waitForURL(`**/en/grading/${roundId}`);

  // Anyone reads the results: kappa per rubric item, and per body shares with intervals.
  await context.clearCookies();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "October 2025, two ministries" })).toBeVisible();
  const agreement = page.getByRole("table", { name: "Agreement per rubric item" });
  for (const name of RUBRIC_ITEMS) {
    const row = agreement.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
    await expect(row).toContainText("Cohen's kappa (quadratic weights)");
    await expect(row).toContainText(/-?\d\.\d\d|undefined/);
  }
  await expect(
    agreement
      .getByRole("row")
      .filter({ hasText: /\d\.\d\d/ })
      .first(),
  ).toBeVisible();
  for (const body of seeded.bodies) {
    const results = page.getByRole("table", { name: `${body.name.en}: 2 of 2 answered appeals sampled` });
    await expect(results.getByRole("row")).toHaveCount(RUBRIC_ITEMS.length + 1);
    await expect(results.getByRole("cell").filter({ hasText: /^\d+–\d+%$/ })).toHaveCount(
      RUBRIC_ITEMS.length,
    );
    await expect(
      page.getByRole("article", { name: body.name.en }).getByText("Answered on time"),
    ).toBeVisible();
  }
  await expectNoAxeViolations(page);

  // Re-drawing from the published seed gives the same sample.
  const exported = await (
    await page.request.get(`/api/exports/grading-rounds/${roundId}/sample.json`)
  ).json();
  const redrawn = drawSample(
    exported.round.seed,
    exported.strata.map((s: { bodyCode: string; population: string[]; sampleSize: number }) => ({
      key: s.bodyCode,
      population: s.population,
      size: s.sampleSize,
    })),
  );
  expect(sampleDigest(redrawn)).toBe(exported.round.sampleSha256);
  expect(redrawn.flatMap((s) => s.chosen.map((c) => c.id)).sort()).toEqual(
    exported.sample.map((i: { token: string }) => i.token).sort(),
  );
  const csv = await (await page.request.get(`/api/exports/grading-rounds/${roundId}/sample.csv`)).body();
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(csv.toString("utf8")).not.toContain("Grading Test Applicant");

  for (const locale of ["kk", "ru"] as const) {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`/${locale}/grading/${roundId}`);
    await expect(page.getByRole("link", { name: seeded.bodies[0]?.name[locale] ?? "" })).toBeVisible();
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page);
  }
  await page.goto("/kk/grading");
  await expect(page.getByRole("link", { name: "October 2025, two ministries" })).toBeVisible();
  await noSidewaysScroll(page);
});
