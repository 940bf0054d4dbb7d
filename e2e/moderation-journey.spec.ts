import { expect, type Page, test } from "@playwright/test";
import { filePublicAppeal, recordedEntry } from "./seed-moderation";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

const PHONE = "+7 701 555 0101";
const TEXT = `The bus stop on Abylai Khan Ave has no shelter, and in the ice my neighbour Serik (${PHONE}) fell there last week.`;

const signedIn = async (browser: import("@playwright/test").Browser, email: string) => {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, email);
  return page;
};

/** "Contested decisions reversed": how many of how many decided contests. */
async function contestFigures(page: Page) {
  await page.goto("/en/moderation-log");
  const row = page
    .getByRole("table", { name: "Key figures" })
    .getByRole("row", { name: /Contested decisions reversed/ });
  const [, reversed, decided] = (await row.textContent())?.match(/(\d+) of (\d+) decided/) ?? [];
  return { reversed: Number(reversed), decided: Number(decided) };
}

async function groundCount(page: Page, ground: string) {
  const row = page.getByRole("table", { name: "Actions per ground" }).getByRole("row", { name: ground });
  return (await row.count()) === 0 ? 0 : Number(await row.getByRole("cell").textContent());
}

test("a moderator redacts a phone number with reasons, the public sees the redaction and the log the statement; the citizen contests and another moderator reverses", async ({
  page,
  browser,
}) => {
  // Four people, five pages and axe on each: longer than one journey's default minute on a shared machine.
  test.slow();
  const before = await contestFigures(page);
  const personalDataBefore = await groundCount(page, "Personal data of others");

  // The citizen files a public appeal with a neighbour's phone number in it.
  const citizen = await signedIn(browser, DEMO.citizen);
  const subject = `A shelter for the bus stop ${Date.now().toString(36)}`;
  const { id: appealId, number } = await filePublicAppeal(citizen, { subject, text: TEXT });
  await citizen.goto(`/en/appeals/${appealId}`);
  const publication = citizen.getByRole("region", { name: "Publication" });
  await expect(publication).toContainText("Waiting for a moderator");
  await expectNoAxeViolations(citizen);

  // The moderator finds it in the queue and redacts the number with the keyboard.
  const moderator = await signedIn(browser, DEMO.moderator);
  await moderator.goto("/en/moderation");
  await expect(moderator.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
  await expectNoAxeViolations(moderator);
  await moderator.getByRole("link", { name: number, exact: true }).click();
  await expect(
    moderator.getByRole("heading", { level: 1, name: `Publication of appeal ${number}` }),
  ).toBeVisible();
  await expect(moderator.getByRole("main")).not.toContainText("citizen@demo.tyndau.kz");
  await expectNoAxeViolations(moderator);
  await moderator.getByRole("radio", { name: "Publish with redactions" }).check();
  const source = moderator.getByRole("textbox", { name: "Text of the appeal" });
  await source.focus();
  // The text can be selected but not changed.
  await moderator.keyboard.press("End");
  await moderator.keyboard.type("x");
  await moderator.keyboard.press("Backspace");
  await expect(source).toHaveValue(TEXT);
  await moderator.keyboard.press("Control+Home");
  for (let i = 0; i < TEXT.indexOf(PHONE); i++) await moderator.keyboard.press("ArrowRight");
  for (let i = 0; i < PHONE.length; i++) await moderator.keyboard.press("Shift+ArrowRight");
  await moderator
    .getByRole("group", { name: "Text of the appeal" })
    .getByRole("button", { name: "Redact selection" })
    .click();
  await expect(moderator.getByRole("status").filter({ hasText: "Marked for redaction" })).toHaveText(
    `Marked for redaction: «${PHONE}»`,
  );
  await expect(moderator.getByRole("button", { name: `Remove the redaction of «${PHONE}»` })).toBeVisible();
  await expect(
    moderator.locator("p").filter({ hasText: "my neighbour Serik ([redacted: personal data]) fell there" }),
  ).toHaveCount(1);
  await moderator.getByLabel("Ground", { exact: true }).selectOption({ label: "Personal data of others" });
  await moderator.getByLabel("Facts and reasons").fill("A neighbour's private phone number is in the text.");
  await expectNoAxeViolations(moderator);
  await moderator.getByRole("button", { name: "Record the decision" }).click();
  const redaction = await recordedEntry(moderator, number);
  expect(redaction).toBeGreaterThan(0);

  // The public reads the appeal without the number.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/en/public-appeals/${encodeURIComponent(number)}`);
  await expect(visitor.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(visitor.getByText("[redacted: personal data]")).toBeVisible();
  await expect(visitor.getByRole("main")).not.toContainText("555 0101");

  // The log shows the action and its statement of reasons.
  await visitor.goto("/en/moderation-log");
  await expect(visitor.getByRole("heading", { level: 1, name: "Public moderation log" })).toBeVisible();
  const entry = visitor.locator(`#entry-${redaction}`);
  await expect(entry.getByRole("heading", { level: 3 })).toHaveText(
    `#${redaction}: Published with redactions`,
  );
  await expect(entry.getByRole("link", { name: number })).toBeVisible();
  for (const shown of [
    "Personal data of others",
    "DECISION_GROUND_ILLEGAL_CONTENT",
    "DECISION_VISIBILITY_CONTENT_LABELLED",
    "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
    "A neighbour's private phone number is in the text.",
    "The moderator's own initiative",
    "No: a person detected and decided",
  ])
    await expect(entry).toContainText(shown);
  await expect(entry).not.toContainText("555 0101");
  await expect(entry.getByRole("definition").filter({ hasText: /^M-[2-9A-Z]{6}$/ })).toHaveCount(1);
  await expectNoAxeViolations(visitor);

  // The citizen sees the statement and contests once.
  await citizen.reload();
  await expect(publication).toContainText("Public, with parts redacted");
  await expect(publication).toContainText("A neighbour's private phone number is in the text.");
  await expect(publication.getByRole("link", { name: `Log entry #${redaction}` })).toBeVisible();
  await expectNoAxeViolations(citizen);
  await citizen
    .getByLabel("Why the decision is wrong")
    .fill("That is the akimat's public hotline, not a person's number.");
  await citizen.getByRole("button", { name: "Contest this decision" }).click();
  await expect(publication).toContainText("Another moderator will decide your contest.");
  await expect(citizen.getByRole("button", { name: "Contest this decision" })).toHaveCount(0);

  // The moderator who decided does not get the contest; another one does, and reverses.
  await moderator.goto("/en/moderation");
  await expect(
    moderator.getByRole("table", { name: /Contests waiting/ }).getByRole("link", { name: number }),
  ).toHaveCount(0);
  const second = await signedIn(browser, DEMO.moderator2);
  await second.goto("/en/moderation");
  await second
    .getByRole("table", { name: /Contests waiting/ })
    .getByRole("link", { name: number, exact: true })
    .click();
  await expect(
    second.getByRole("heading", { name: `The author contests log entry #${redaction}` }),
  ).toBeVisible();
  await expect(second.getByText("That is the akimat's public hotline")).toBeVisible();
  await second.getByRole("radio", { name: "Reverse the decision" }).check();
  await second.getByLabel("Ground", { exact: true }).selectOption({ label: "Personal data of others" });
  await second
    .getByLabel("Facts and reasons")
    .fill("The number is the akimat's public hotline, not personal data.");
  await expectNoAxeViolations(second);
  await second.getByRole("button", { name: "Decide the contest" }).click();
  const reversal = await recordedEntry(second, number);
  expect(reversal).toBeGreaterThan(redaction);

  // The log shows both, linked to each other, and the figures moved.
  await visitor.goto("/en/moderation-log");
  const reversed = visitor.locator(`#entry-${reversal}`);
  await expect(reversed.getByRole("heading", { level: 3 })).toHaveText(
    `#${reversal}: Contest decided: the decision is reversed`,
  );
  await expect(reversed.getByRole("link", { name: `entry #${redaction}` })).toHaveAttribute(
    "href",
    `#entry-${redaction}`,
  );
  await expect(reversed).toContainText("The number is the akimat's public hotline, not personal data.");
  await expect(visitor.locator(`#entry-${redaction}`)).toContainText(`Contested by the author`);
  await expect(
    visitor.locator(`#entry-${redaction}`).getByRole("link", { name: `entry #${reversal}` }),
  ).toBeVisible();
  await expect(visitor.locator(`#entry-${redaction}`)).toContainText("reversed");
  const after = await contestFigures(visitor);
  expect(after).toEqual({ reversed: before.reversed + 1, decided: before.decided + 1 });
  expect(await groundCount(visitor, "Personal data of others")).toBeGreaterThanOrEqual(
    personalDataBefore + 2,
  );
  await expectNoAxeViolations(visitor);

  // Reversed: published as submitted, and the citizen is told.
  await visitor.goto(`/en/public-appeals/${encodeURIComponent(number)}`);
  await expect(visitor.getByRole("main")).toContainText(PHONE);
  await citizen.reload();
  await expect(publication).toContainText("Decided: the decision was reversed.");
});

test("the public log and the moderator's queue read in Kazakh and Russian", async ({ page, browser }) => {
  await page.goto("/kk/moderation-log");
  await expect(page.getByRole("heading", { level: 1, name: "Модерацияның ашық журналы" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Негізгі көрсеткіштер" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/ru/moderation-log");
  await expect(page.getByRole("heading", { level: 1, name: "Публичный журнал модерации" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Журнал модерации" })).toBeVisible();
  await expectNoAxeViolations(page);

  const moderator = await signedIn(browser, DEMO.moderator2);
  await moderator.goto("/ru/moderation");
  await expect(moderator.getByRole("heading", { level: 1, name: "Модерация" })).toBeVisible();
  await moderator.getByLabel("Открыть обращение по номеру").fill("ЖТ-1999-000001");
  await moderator.getByRole("button", { name: "Открыть", exact: true }).click();
  await expect(moderator.getByLabel("Открыть обращение по номеру")).toHaveAccessibleDescription(
    /Нет обращения с номером ЖТ-1999-000001/,
  );
  await expectNoAxeViolations(moderator);
});
