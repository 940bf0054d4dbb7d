import { expect, test } from "@playwright/test";
import { seedPublicAppeals } from "./seed-public";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

const pageOf = (number: string) => `/ru/public-appeals/${encodeURIComponent(number)}`;

test("a visitor finds a public appeal in Russian, filters it by region, reads it, and meets a hidden one's tombstone; a citizen supports it once", async ({
  page,
  browser,
}) => {
  const seeded = await seedPublicAppeals({
    author: DEMO.citizen2,
    moderator: DEMO.moderator,
    official: DEMO.official,
    stamp: String(Date.now()),
  });
  const { published, hidden } = seeded;

  // A visitor, not signed in, searches with other forms of the words than the text has.
  await page.goto("/ru/public-appeals");
  await expect(page.getByRole("heading", { level: 1, name: "Публичные обращения" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Поиск по тексту").fill("фонарь дворы");
  await page.getByRole("button", { name: "Показать обращения" }).click();
  await expect(page).toHaveURL(/q=/);
  const results = page.getByRole("table");
  await expect(results.getByRole("link", { name: published.number, exact: true })).toBeVisible();
  await expect(results.getByRole("row").filter({ hasText: published.number })).toContainText(
    published.subject,
  );
  await expect(page.getByRole("link", { name: hidden.number })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The same search narrowed by region: the appeal is in Almaty, not in Shymkent.
  await page.getByLabel("Регион").selectOption({ label: "город Шымкент" });
  await page.getByRole("button", { name: "Показать обращения" }).click();
  await expect(page).toHaveURL(/region=shymkent/);
  await expect(page.getByRole("link", { name: published.number })).toHaveCount(0);
  await page.getByLabel("Регион").selectOption({ label: "город Алматы" });
  await page.getByRole("button", { name: "Показать обращения" }).click();
  await expect(page).toHaveURL(/region=almaty_city/);
  await expect(page.getByLabel("Поиск по тексту")).toHaveValue("фонарь дворы");
  await page.getByRole("link", { name: published.number, exact: true }).click();

  // The public page: the text, the answer without the author's name, and the moderation log's entries.
  await expect(page.getByRole("heading", { level: 1, name: published.subject })).toBeVisible();
  await expect(page).toHaveTitle(`${published.number}: ${published.subject}`);
  await expect(page.getByText("Во дворе дома 15 по улице Сатпаева")).toBeVisible();
  await expect(page.getByRole("region", { name: "Ответ органа" })).toContainText("Уважаемый [имя]!");
  await expect(page.getByRole("main")).not.toContainText(seeded.authorName.split(" ")[0] ?? "");
  await expect(page.getByRole("link", { name: /^Запись журнала № \d+: опубликовано/ })).toHaveAttribute(
    "href",
    /\/ru\/moderation-log\?before=(\d+)#entry-\d+$/,
  );
  await expect(page.getByRole("status")).toHaveText("Это обращение пока никто не поддержал.");
  await expect(
    page.getByRole("link", { name: "Войдите как гражданин, чтобы поддержать обращение" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // The hidden appeal: when, why and the log entry, nothing of what it said, not even in the title.
  await page.goto(pageOf(hidden.number));
  await expect(
    page.getByRole("heading", { level: 1, name: `Обращение ${hidden.number} скрыто` }),
  ).toBeVisible();
  await expect(page.getByText("Причина: оскорбления или нецензурная лексика.")).toBeVisible();
  await expect(page.getByRole("link", { name: `Запись журнала № ${hidden.logSeq}` })).toHaveAttribute(
    "href",
    `/ru/moderation-log?before=${hidden.logSeq + 1}#entry-${hidden.logSeq}`,
  );
  await expect(page.getByRole("main")).not.toContainText("Подрядчик");
  await expect(page).toHaveTitle("Скрытое обращение — Тыңдау");
  await expectNoAxeViolations(page);

  // A signed-in citizen supports it; pressing twice still counts them once, and so does coming back.
  const citizen = await (await browser.newContext()).newPage();
  await signInAs(citizen, DEMO.citizen);
  await citizen.goto(pageOf(published.number));
  await expect(citizen.getByRole("status")).toHaveText("Это обращение пока никто не поддержал.");
  await citizen.getByRole("button", { name: "Я тоже: у меня та же проблема" }).dblclick();
  await expect(citizen.getByRole("status")).toHaveText("Это обращение поддерживает 1 гражданин.");
  await expect(citizen.getByText("Вы поддерживаете это обращение.")).toBeVisible();
  await expectNoAxeViolations(citizen);
  await citizen.reload();
  await expect(citizen.getByRole("status")).toHaveText("Это обращение поддерживает 1 гражданин.");
  await expect(citizen.getByRole("button", { name: "Я тоже: у меня та же проблема" })).toHaveCount(0);

  // The author sees their own appeal counted by others, with no button to count themselves.
  const author = await (await browser.newContext()).newPage();
  await signInAs(author, DEMO.citizen2);
  await author.goto(pageOf(published.number));
  await expect(author.getByText("Это ваше обращение: его могут поддержать другие граждане.")).toBeVisible();
  await expect(author.getByRole("button", { name: "Я тоже: у меня та же проблема" })).toHaveCount(0);
});

test("bad filters in the address: the error summary, in Kazakh, takes the focus and links to each field", async ({
  page,
}) => {
  await page.goto("/kk/public-appeals?from=2026-13-45&to=x");
  const summary = page.getByRole("alert", { name: /сүзгілерді/ });
  await expect(summary).toBeFocused();
  const links = summary.getByRole("link");
  await expect(links).toHaveCount(2);
  // Each entry names its field: the two dates' errors would read alike otherwise.
  await expect(links.first()).toHaveText(/^Бастап: /);
  await expect(links.nth(1)).toHaveText(/^Дейін: /);
  await links.first().click();
  await expect(page.getByLabel("Бастап")).toBeFocused();
  await expectNoAxeViolations(page);
});
