import { expect, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signInAs, uniqueEmail } from "./support";

const CODE = /^[2-9A-Z]{5}-[2-9A-Z]{5}$/;

// The operator's screen is in Russian; the citizen reads Kazakh. Everything the citizen gets follows the
// appeal's language: the receipt, the notices, the tracking page and the official's prefilled text.
test("an operator files in Kazakh from a Russian screen; receipt, notices and the official's template are in Kazakh", async ({
  page,
  browser,
}) => {
  // A long journey through three or four signed-in people: more time than one page's test needs.
  test.slow();
  const email = uniqueEmail("kazakh-citizen");
  const subject = `Аулада жарық жоқ ${Date.now()}`;
  await signInAs(page, DEMO.operator);
  await page.goto("/ru/operator/file");
  await expect(page.getByRole("heading", { name: "Подать обращение за гражданина" })).toBeVisible();
  await page.getByLabel("ФИО").fill("Айгүл Серікқызы Нұрланова");
  await page.getByLabel("Телефон").fill("+7 701 555 77 88");
  await page.getByLabel("Электронная почта (необязательно)").fill(email);
  await page.getByLabel("Язык ответа и уведомлений").selectOption({ label: "Казахский" });
  await page.getByLabel("Вид обращения").selectOption({ label: "Заявление" });
  await page.getByLabel("Сфера").selectOption({ label: "Жильё и коммунальные услуги" });
  await page.getByLabel("Регион").selectOption({ label: "город Алматы" });
  await expect(page.getByLabel("Государственный орган").locator("option:checked")).toHaveText(
    "Акимат города Алматы",
  );
  await page.getByLabel("Тема", { exact: true }).fill(subject);
  await page
    .getByLabel("Текст обращения", { exact: true })
    .fill("Абай даңғылы 10 үйінің ауласында бір айдан бері жарық жоқ. Түнде қараңғы, балалар қорқады.");
  await page.getByRole("checkbox", { name: /Гражданин согласен на подачу обращения/ }).check();
  await page.getByRole("button", { name: "Подать обращение" }).click();

  // The receipt prints in Kazakh; the operator's own notes stay in Russian and do not print.
  await expect(
    page.getByRole("heading", { name: "Қолхат: өтініш қызмет көрсету орталығында берілді" }),
  ).toBeVisible();
  await expect(page.locator("article.receipt")).toHaveAttribute("lang", "kk");
  await expect(page.getByText("Расписка печатается на языке гражданина: Казахский.")).toBeVisible();
  const appealId = page.url().split("/").at(-1) ?? "";
  const number = (await page.getByText(/^ЖТ-\d{4}-\d{6}$/).textContent()) ?? "";
  const firstCode =
    (await page.getByRole("region", { name: "Кіру коды" }).getByText(CODE).textContent()) ?? "";
  expect(firstCode).toMatch(CODE);
  // The service's public address, as configured, with the citizen's language in it.
  const howOnline = page.getByText(/Тыңдау сайтында «Өтінішті бақылау» бетін/);
  await expect(howOnline).toContainText(/https?:\/\/[^ )]+\/kk\/track/);
  await expectNoAxeViolations(page);

  // Reprinted later from the list of filings: the receipt again, in Kazakh, without the code.
  await page.goto("/ru/operator/file");
  await page.getByRole("link", { name: number }).click();
  await expect(
    page.getByRole("heading", { name: "Қолхат: өтініш қызмет көрсету орталығында берілді" }),
  ).toBeVisible();
  await expect(page.getByText("Код доступа показывается только один раз")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Распечатать расписку" })).toBeHidden();
  await expect(page.getByText(subject)).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // The citizen lost the code: a new one is issued, and the old one stops working.
  await page.getByRole("button", { name: "Выдать новый код доступа" }).click();
  await expect(page.getByRole("status")).toContainText("Выдан новый код доступа");
  const newCode = (await page.getByRole("region", { name: "Кіру коды" }).getByText(CODE).textContent()) ?? "";
  expect(newCode).toMatch(CODE);
  expect(newCode).not.toBe(firstCode);
  await expectNoAxeViolations(page);

  const visitor = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const track = await visitor.newPage();
  await track.goto("/ru/track");
  await track.getByLabel("Регистрационный номер").fill(number);
  await track.getByLabel("Код доступа").fill(firstCode);
  await track.getByRole("button", { name: "Показать обращение" }).click();
  await expect(track.getByText("Обращение с таким номером и кодом не найдено.")).toBeVisible();
  await track.getByLabel("Код доступа").fill(newCode);
  await track.getByRole("button", { name: "Показать обращение" }).click();
  const tracked = track.getByRole("article", { name: `${number} өтініші` });
  await expect(tracked).toHaveAttribute("lang", "kk");
  await expect(tracked.getByRole("listitem").filter({ hasText: "Жаңа кіру коды берілді" })).toBeVisible();
  await expectNoAxeViolations(track);
  await visitor.close();

  // The notice of registration reached the citizen in Kazakh.
  const adminContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const admin = await adminContext.newPage();
  await signInAs(admin, DEMO.admin);
  await admin.goto("/dev/outbox");
  const mail = admin.getByRole("article").filter({ hasText: email });
  await expect(mail.first()).toContainText(`${number} өтініші тіркелді`);
  await adminContext.close();

  // The official reads in Russian, sees the appeal's language, and the right to complain is prefilled in Kazakh.
  const officialContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const official = await officialContext.newPage();
  await signInAs(official, DEMO.official);
  await official.goto("/ru/inbox");
  await expect(official.getByRole("columnheader", { name: "Язык обращения" })).toBeVisible();
  // Nearest deadline first: a new appeal may be on a later page when other journeys filed before it.
  const row = official.getByRole("row").filter({ hasText: number });
  for (let pages = 0; pages < 10 && (await row.count()) === 0; pages++) {
    await official.getByRole("link", { name: "Следующая страница" }).click();
    await official.waitForLoadState();
  }
  await expect(row).toContainText("Казахский");
  await official.goto(`/ru/inbox/${appealId}`);
  await expect(official.getByRole("definition").filter({ hasText: /^Казахский$/ })).toBeVisible();
  await official.locator("summary", { hasText: "Направить ответ" }).click();
  await expect(official.getByLabel("Право на обжалование")).toHaveValue(
    /^Егер сіз осы жауаппен келіспесеңіз/,
  );
  await expectNoAxeViolations(official);
  await officialContext.close();
});
