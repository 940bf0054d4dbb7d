import { expect, type Page, test } from "@playwright/test";
import { seedAppeal } from "./seed";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

const dueDateOf = (page: Page) =>
  page
    .getByRole("term")
    .filter({ hasText: "Deadline for the answer" })
    .locator("xpath=following-sibling::dd[1]/time");

/** Finds an appeal in the inbox as an official would: page by page, nearest deadline first. */
async function openFromInbox(page: Page, number: string) {
  const link = page.getByRole("link", { name: number, exact: true });
  while (!(await link.isVisible())) {
    const next = await page.getByRole("link", { name: "Next page" }).getAttribute("href", { timeout: 2_000 });
    await page.goto(next ?? "");
  }
  await link.click();
}

test("an official forwards an appeal to the competent body, which gets it with a new deadline", async ({
  browser,
}) => {
  const subject = `Street lights off on Abai Ave ${Date.now()}`;
  // Filed two working days ago: the competent body's term, counted from today, ends later.
  const appeal = await seedAppeal({
    citizenEmail: DEMO.citizen,
    bodyCode: "akimat-almaty-city",
    subject,
    workingDaysAgo: 2,
  });

  const almatyOfficial = await (await browser.newContext()).newPage();
  await signInAs(almatyOfficial, DEMO.official);
  await almatyOfficial.goto("/en/inbox");
  await expect(almatyOfficial.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  await expect(almatyOfficial.getByRole("link", { name: /^New \(\d+\)$/ })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expectNoAxeViolations(almatyOfficial);
  await openFromInbox(almatyOfficial, appeal.number);

  await expect(almatyOfficial.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  const before = (await dueDateOf(almatyOfficial).textContent()) ?? "";
  expect(before).not.toBe("");
  await almatyOfficial.getByText("Forward to the competent body").click();
  await expect(almatyOfficial.getByText(/The law gives 3 working days from receipt/)).toBeVisible();
  await expectNoAxeViolations(almatyOfficial);
  await almatyOfficial.getByLabel("Find a body").fill("Akimat of Astana");
  await almatyOfficial.getByLabel("Competent body").selectOption({ label: "Akimat of Astana" });
  await almatyOfficial
    .getByLabel("Why this body is competent")
    .fill("The street is in Astana: lighting there is the Astana akimat's competence.");
  await almatyOfficial.getByRole("button", { name: "Forward", exact: true }).click();
  await expect(almatyOfficial.getByRole("status")).toContainText(`Appeal ${appeal.number} was forwarded`);
  await expect(almatyOfficial.getByRole("link", { name: appeal.number })).toHaveCount(0);

  // The competent body finds it among its new appeals, registered anew with a later deadline.
  const astanaOfficial = await (await browser.newContext()).newPage();
  await signInAs(astanaOfficial, DEMO.officialAstana);
  await astanaOfficial.goto("/en/inbox?tab=new");
  await openFromInbox(astanaOfficial, appeal.number);
  await expect(astanaOfficial.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  const after = (await dueDateOf(astanaOfficial).textContent()) ?? "";
  expect(after).not.toBe(before);
  expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
  const forward = astanaOfficial.getByRole("listitem").filter({ hasText: "Forwarded to the competent body" });
  await expect(forward).toContainText("From Akimat of Almaty to Akimat of Astana");
  await expect(forward).toContainText("Forwarded within the legal 3 working days");
  await expect(forward).toContainText(`New deadline: ${after}`);
  await expect(forward).toContainText(`Earlier deadline: ${before}`);
  await expectNoAxeViolations(astanaOfficial);

  // The citizen's timeline shows the forward and the new deadline too.
  const citizen = await (await browser.newContext()).newPage();
  await signInAs(citizen, DEMO.citizen);
  await citizen.goto(`/en/appeals/${appeal.id}`);
  const step = citizen.getByRole("listitem").filter({ hasText: "Forwarded to the competent body" });
  await expect(step).toContainText("Akimat of Astana");
  await expect(step).toContainText(after);
});

test("a supervisor reads a subordinate body's inbox but cannot act on its appeals", async ({ page }) => {
  const subject = `Broken bench in the park ${Date.now()}`;
  const appeal = await seedAppeal({
    citizenEmail: DEMO.citizen,
    bodyCode: "akimat-almaty-city",
    subject,
    workingDaysAgo: 1,
  });
  await signInAs(page, DEMO.supervisor);
  await page.goto("/en/inbox");
  await page.getByLabel("Whose inbox").selectOption({ label: "Akimat of Almaty" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(
    page.getByText("Appeals of bodies under your supervision are shown for reading"),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await openFromInbox(page, appeal.number);
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(page.getByText("You are reading an appeal of a body under your supervision")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Actions" })).toHaveCount(0);
});
