import { expect, test } from "@playwright/test";
import { seedAnsweredPublicAppeal } from "./seed";
import { recordedEntry } from "./seed-moderation";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

const IIN = "880101300172";
const PHONE = "+7 701 234 56 78";
const ADDRESS = "ул. Жандосова, д. 58, кв. 17";

test("a moderator finds personal data pre-marked in the subject, the text and the answer, publishes it redacted, and the public page shows none of it", async ({
  page,
}) => {
  const subject = `No hot water, my IIN ${IIN} (${Date.now().toString(36)})`;
  const { number } = await seedAnsweredPublicAppeal({
    citizenEmail: DEMO.citizen,
    bodyCode: "akimat-almaty-city",
    subject,
    text: `Our block has had no hot water for three weeks. I live at ${ADDRESS}; call me on ${PHONE}.`,
    answer: `Hot water at ${ADDRESS} was restored on Monday; we called you on ${PHONE} to confirm.`,
  });

  await signInAs(page, DEMO.moderator);
  await page.goto("/en/moderation");
  await page.getByRole("link", { name: number, exact: true }).first().click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Publication of appeal ${number}` }),
  ).toBeVisible();
  // The detector's marks are announced before any decision is chosen.
  await expect(page.getByRole("note")).toContainText(
    "The detector pre-marked 5 possible items of personal data",
  );
  await page.getByRole("radio", { name: "Publish with redactions" }).check();

  const marked = (excerpt: string, kind: string) =>
    page
      .getByRole("listitem")
      .filter({ hasText: `«${excerpt}»` })
      .filter({ hasText: `pre-marked: ${kind}` });
  await expect(marked(IIN, "IIN/BIN")).toHaveCount(1);
  // The phone and the address, once in the text and once in the body's answer.
  await expect(marked(PHONE, "phone")).toHaveCount(2);
  await expect(marked(ADDRESS, "address")).toHaveCount(2);
  await expect(page.getByRole("textbox", { name: "Subject of the appeal" })).toHaveValue(subject);
  await expect(page.getByRole("textbox", { name: "The body's answer" })).toHaveValue(/Hot water at/);
  await expectNoAxeViolations(page);

  await page.getByLabel("Ground", { exact: true }).selectOption({ label: "Personal data of others" });
  await page
    .getByLabel("Facts and reasons")
    .fill("The author's IIN, phone and address in the subject, text and answer.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  expect(await recordedEntry(page, number)).toBeGreaterThan(0);

  // Anyone reads the appeal and the answer, with none of it.
  const reader = await (await page.context().browser()?.newContext())?.newPage();
  if (!reader) throw new Error("no browser");
  await reader.goto(`/en/public-appeals/${encodeURIComponent(number)}`);
  await expect(reader.getByRole("heading", { level: 1 })).toContainText("No hot water, my IIN");
  const main = reader.getByRole("main");
  await expect(main).toContainText("Hot water at");
  for (const secret of [IIN, "234 56 78", "Жандосова"]) await expect(main).not.toContainText(secret);
  expect(await reader.title()).not.toContain(IIN);
  await expectNoAxeViolations(reader);
});
