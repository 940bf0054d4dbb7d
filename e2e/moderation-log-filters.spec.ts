import { expect, test } from "@playwright/test";
import { seedPublicAppeals } from "./seed-public";
import { DEMO, expectNoAxeViolations } from "./support";

test("a visitor narrows the moderation log to one appeal and one ground, reads its codes in words, and keeps the filters in Kazakh", async ({
  page,
}) => {
  // Seeding runs the domain in a child process: on a loaded machine that alone may take half a minute.
  test.slow();
  const { hidden } = await seedPublicAppeals({
    author: DEMO.citizen2,
    moderator: DEMO.moderator,
    official: DEMO.official,
    stamp: String(Date.now()),
  });

  await page.goto("/en/moderation-log");
  const filters = page.getByRole("group", { name: "Find entries" });
  await filters.getByLabel("Ground").selectOption({ label: "Insults or obscene language" });
  await filters.getByLabel("Appeal number").fill(hidden.number);
  await filters.getByRole("button", { name: "Show entries" }).click();
  await expect(page).toHaveURL(/ground=insults_or_obscenity/);

  const entries = page.getByRole("list", { name: /^Entries \(1\)$/ });
  await expect(entries.getByRole("listitem")).toHaveCount(1);
  const entry = page.locator(`#entry-${hidden.logSeq}`);
  await expect(entry).toContainText("Against the service's rules (DECISION_GROUND_INCOMPATIBLE_CONTENT)");
  await expect(entry).toContainText("Removed from public view (DECISION_VISIBILITY_CONTENT_REMOVED)");
  await expect(entry).toContainText("Illegal or harmful speech");
  await expectNoAxeViolations(page);

  // Another language reads the same filtered log.
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Қазақша" }).click();
  await expect(page).toHaveURL(/\/kk\/moderation-log\?.*ground=insults_or_obscenity/);
  await expect(page.locator(`#entry-${hidden.logSeq}`)).toContainText("Сервис ережелеріне қайшы");
  await expect(page.getByRole("group", { name: "Жазбаларды табу" }).getByLabel("Өтініш нөмірі")).toHaveValue(
    hidden.number,
  );

  // The appeal went to Astana's akimat: under Almaty's, nothing matches.
  await page.goto(`/en/moderation-log?appeal=${encodeURIComponent(hidden.number)}`);
  await page
    .getByRole("group", { name: "Find entries" })
    .getByLabel("Body the appeal is addressed to")
    .selectOption({
      label: "Akimat of Almaty",
    });
  await page.getByRole("button", { name: "Show entries" }).click();
  await expect(page.getByRole("status").filter({ hasText: "No entry matches these filters." })).toBeVisible();
  await page.getByRole("link", { name: "Show all entries" }).click();
  await expect(page.locator(`#entry-${hidden.logSeq}`)).toBeVisible();
});
