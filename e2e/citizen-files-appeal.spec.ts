import { expect, type Page, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import { createDatabase } from "@/db/client";
import { phoneJpeg } from "@/test/upload-fixtures";
import { sendAnywayIfChecked } from "./answer-check";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

// A small but real PDF, made here: the server checks the bytes, not the name.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
    "trailer<</Root 1 0 R>>\n%%EOF\n",
);

// Time passes in the database the e2e server uses: the deadline is moved to yesterday, as if the body
// had stayed silent for its whole term.
async function letDeadlinePass(appealId: string) {
  const db = createDatabase(process.env.DATABASE_URL ?? "", { max: 1 });
  try {
    await db.execute(sql`update appeals set due_at = now() - interval '1 day' where id = ${appealId}`);
  } finally {
    await db.$client.end();
  }
}

const unique = (subject: string) => `${subject} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function fillValidAppeal(page: Page, subject: string) {
  await page.getByRole("radio", { name: "Application" }).check();
  await page.getByLabel("Topic").selectOption({ label: "Housing and utilities" });
  await page.getByLabel("Region or city (optional)").selectOption({ label: "Almaty" });
  const proposed = page.getByRole("group", { name: "Proposed bodies" });
  await expect(proposed.getByRole("radio").first()).toBeChecked();
  await page.getByLabel("Subject").fill(subject);
  await page
    .getByLabel("Text of the appeal")
    .fill(
      "Residents of Abai Ave 10 have had no hot water for three weeks; the utility does not answer calls.",
    );
}

test("a citizen files an appeal with a PDF, gets a receipt with the deadline and finds it in My appeals", async ({
  page,
  browser,
}) => {
  await signInAs(page, DEMO.citizen);
  await page.goto("/en/appeals/new");
  await expect(page.getByRole("heading", { name: "File an appeal" })).toBeVisible();
  await expectNoAxeViolations(page);

  const subject = unique("No hot water in our block");
  await fillValidAppeal(page, subject);
  const body =
    (await page
      .getByRole("group", { name: "Proposed bodies" })
      .locator("input:checked + label")
      .textContent()) ?? "";
  await page
    .getByLabel("Files (optional)")
    .setInputFiles({ name: "act.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByLabel("The text of my appeal may be published").check();
  await expect(page.getByLabel("The text of my appeal may be published")).toHaveAccessibleDescription(
    /never published/,
  );
  await page.getByRole("button", { name: "Send the appeal" }).click();

  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  const receipt = page.getByRole("region", { name: "Your appeal is registered" });
  const number = ((await receipt.locator("dd strong").first().textContent()) ?? "").trim();
  expect(number).toMatch(/^ЖТ-\d{4}-\d{6}$/);
  await expect(receipt.getByText(body, { exact: true })).toBeVisible();
  await expect(receipt.getByText("Answer due by")).toBeVisible();
  await expect(
    receipt.getByText(/send you a reasoned answer by \w+ \d{1,2}, \d{4}, Kazakhstan time/),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/en/appeals");
  await expect(page.getByRole("heading", { name: "My appeals" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(number);
  await expect(row).toContainText("Registered");
  await expect(row).toContainText(/working days left/);
  await expectNoAxeViolations(page);

  await row.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { name: `Application ${number}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "History of the appeal" })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "History of the appeal" })
      .getByRole("listitem")
      .filter({ hasText: "Appeal registered" }),
  ).toContainText("By the applicant");
  await expectNoAxeViolations(page);

  // The file is served as a download to its author, through a short-lived link signed for them, and to no
  // one who is not signed in.
  const href = await page.getByRole("link", { name: "act.pdf" }).getAttribute("href");
  expect(href).toMatch(/^\/api\/attachments\/[0-9a-f-]{36}\?exp=\d+&sig=[\w-]{43}$/);
  expect((await page.request.get(href?.replace(/&sig=.*/, "") ?? "")).status()).toBe(404);
  const download = await page.request.get(href ?? "");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const stranger = await browser.newContext({ baseURL: page.url() });
  expect((await stranger.request.get(href ?? "")).status()).toBe(404);
  await stranger.close();
});

test("bad input gets translated errors beside each field, and nothing typed is lost, not even on a network error", async ({
  page,
}) => {
  await signInAs(page, DEMO.citizen);
  await page.goto("/ru/appeals/new");
  await page.getByLabel("Тема обращения").fill("Ой");
  await page.getByLabel("Текст обращения").fill("Коротко");
  await page.getByLabel("Файлы (необязательно)").setInputFiles({
    name: "scan.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<html>not a pdf</html>"),
  });
  await page.getByRole("button", { name: "Отправить обращение" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Исправьте отмеченные ниже поля." })).toBeVisible();
  // The error summary has the focus, and its entries say what to do and lead to their fields.
  await expect(page.getByRole("alert").filter({ hasText: "Исправьте отмеченные ниже поля." })).toBeFocused();
  await expect(page.getByRole("group", { name: "Вид обращения" })).toHaveAccessibleDescription(
    /Выберите вид обращения/,
  );
  await expect(page.getByLabel("Категория вопроса")).toHaveAccessibleDescription(
    /Выберите категорию вопроса/,
  );
  await expect(
    page.getByRole("group", { name: "Какой государственный орган должен ответить?" }),
  ).toHaveAccessibleDescription(/Выберите государственный орган/);
  await page.getByRole("link", { name: "Выберите категорию вопроса." }).click();
  await expect(page.getByLabel("Категория вопроса")).toBeFocused();
  await expect(page.getByLabel("Тема обращения")).toHaveAccessibleDescription(
    /Слишком коротко: не менее 5 символов/,
  );
  await expect(page.getByLabel("Текст обращения")).toHaveAccessibleDescription(
    /Слишком коротко: не менее 20 символов/,
  );
  await expect(page.getByLabel("Файлы (необязательно)")).toHaveAccessibleDescription(
    /scan\.pdf: Можно приложить только файлы PDF, JPEG и PNG/,
  );
  await expect(page.getByLabel("Тема обращения")).toHaveValue("Ой");
  await expect(page.getByLabel("Текст обращения")).toHaveValue("Коротко");
  await expectNoAxeViolations(page);

  // Now a complete form whose answer is lost on the way back: the appeal is filed, the page hears nothing.
  const subject = unique("Нет горячей воды");
  await page.getByRole("radio", { name: "Заявление" }).check();
  await page.getByLabel("Категория вопроса").selectOption({ label: "Жильё и коммунальные услуги" });
  await page.getByLabel("Тема обращения").fill(subject);
  await page.getByLabel("Текст обращения").fill("Уже три недели в доме по пр. Абая, 10 нет горячей воды.");
  await page.getByRole("radio", { name: "Я знаю орган" }).check();
  await page.getByLabel("Поиск в справочнике по названию").fill("акимат города алматы");
  await page
    .getByLabel("Государственный орган", { exact: true })
    .selectOption({ label: "Акимат города Алматы" });
  await page.getByLabel("Файлы (необязательно)").setInputFiles([]);
  await page.route("**/api/trpc/appeal.file**", async (route) => {
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Отправить обращение" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Соединение прервалось" })).toBeVisible();
  await expect(page.getByLabel("Тема обращения")).toHaveValue(subject);
  await expect(page.getByLabel("Текст обращения")).toHaveValue(/пр\. Абая, 10/);
  await expect(page.getByLabel("Государственный орган", { exact: true })).toHaveValue(/.+/);

  // The retry carries the same key: the appeal filed a moment ago is the one acknowledged.
  await page.unroute("**/api/trpc/appeal.file**");
  await page.getByRole("button", { name: "Отправить обращение" }).click();
  await expect(page.getByRole("heading", { name: "Расписка" })).toBeVisible();
  await expect(page.getByText("Акимат города Алматы").first()).toBeVisible();
  await page.goto("/ru/appeals");
  await expect(page.getByRole("row").filter({ hasText: subject })).toHaveCount(1);
});

test("a double click on submit files exactly one appeal", async ({ page }) => {
  await signInAs(page, DEMO.citizen);
  await page.goto("/en/appeals/new");
  const subject = unique("Broken street light");
  await fillValidAppeal(page, subject);
  await page.getByRole("button", { name: "Send the appeal" }).dblclick();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  await page.goto("/en/appeals");
  await expect(page.getByRole("row").filter({ hasText: subject })).toHaveCount(1);
});

test("past its deadline an appeal reads as refused, and one click complains to the superior body", async ({
  page,
}) => {
  const subject = unique("Street lights off");
  await signInAs(page, DEMO.citizen);
  await page.goto("/en/appeals/new");
  await fillValidAppeal(page, subject);
  await page
    .getByRole("group", { name: "Proposed bodies" })
    .getByRole("radio", { name: "Akimat of Almaty", exact: true })
    .check();
  await page.getByRole("button", { name: "Send the appeal" }).click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  const id = page.url().split("/").at(-2) ?? "";
  const number = (
    (await page
      .getByRole("region", { name: "Your appeal is registered" })
      .locator("dd strong")
      .first()
      .textContent()) ?? ""
  ).trim();
  const seeded = { id, number };
  await letDeadlinePass(id);

  await page.goto("/en/appeals");
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row).toContainText("Overdue — treated as refused");

  await row.getByRole("link", { name: seeded.number }).click();
  await expect(page.getByRole("alert").filter({ hasText: "counts as a refusal" })).toBeVisible();
  const complaint = page.getByLabel("Text of the complaint");
  await expect(complaint).toHaveValue(
    new RegExp(`My appeal ${seeded.number} of .+ was not answered by the deadline`),
  );
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Complain to Government of the Republic of Kazakhstan" }).click();

  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  const receipt = page.getByRole("region", { name: "Your appeal is registered" });
  await expect(receipt.getByText("Complaint", { exact: true })).toBeVisible();
  // Filed through the body complained about (APPC Art. 91(4)), which passes it up unless it satisfies it.
  await expect(receipt.getByText("Akimat of Almaty", { exact: true })).toBeVisible();

  await page.goto(`/en/appeals/${seeded.id}`);
  await expect(page.getByText("You complained to the superior body:")).toBeVisible();
  await expect(page.getByRole("button", { name: /Complain to/ })).toHaveCount(0);
  await expect(
    page.getByRole("listitem").filter({ hasText: "Complaint sent to the superior body" }),
  ).toContainText("Government of the Republic of Kazakhstan");
});

test("the applicant clarifies, reads the answer, rates it and complains; the superior body reads it all", async ({
  page,
  browser,
}) => {
  const subject = unique("Flooded underpass");
  await signInAs(page, DEMO.citizen);
  await page.goto("/en/appeals/new");
  await fillValidAppeal(page, subject);
  await page
    .getByRole("group", { name: "Proposed bodies" })
    .getByRole("radio", { name: "Akimat of Almaty", exact: true })
    .check();
  await page.getByRole("button", { name: "Send the appeal" }).click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  const id = page.url().split("/").at(-2) ?? "";

  const officialContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const official = await officialContext.newPage();
  await signInAs(official, DEMO.official);
  await official.goto(`/en/inbox/${id}`);
  await official.locator("summary", { hasText: "Ask the applicant for clarification" }).click();
  await official.getByLabel("Question to the applicant").fill("Which underpass exactly, and since when?");
  await official.getByRole("button", { name: "Send the question" }).click();
  await expect(official.getByRole("status").filter({ hasText: "The question is sent" })).toBeVisible();

  await page.goto(`/en/appeals/${id}`);
  await expect(page.getByRole("heading", { name: "The body asks you to clarify" })).toBeVisible();
  await expect(page.getByText("Which underpass exactly, and since when?").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Your clarification").fill("The underpass at Abai and Dostyk, since Monday.");
  await page
    .getByLabel("Files (optional)")
    // A phone photo with its GPS position: the server re-encodes it (sharp, in the production build).
    .setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: await phoneJpeg() });
  await page.getByRole("button", { name: "Send the clarification" }).click();
  await expect(
    page
      .getByRole("region", { name: "History of the appeal" })
      .getByRole("listitem")
      .filter({ hasText: "The applicant clarified the appeal" }),
  ).toContainText("The underpass at Abai and Dostyk, since Monday.");
  await expect(page.getByRole("link", { name: "photo.jpg" })).toBeVisible();

  await official.reload();
  await official.locator("summary", { hasText: "Send the answer" }).click();
  await official.getByRole("radio", { name: "Refused" }).check();
  await official
    .getByLabel("Answer", { exact: true })
    .fill("The underpass belongs to the national road operator; we passed your appeal on to it for repair.");
  await official.getByLabel("Legal grounds").fill("Law on roads, Art. 13; APPC Art. 76");
  await official.getByRole("button", { name: "Send the answer" }).click();
  await official.getByRole("button", { name: "Confirm and send" }).click();
  await sendAnywayIfChecked(official);
  await expect(official.getByRole("region", { name: "Answer" })).toContainText("Refused");
  await officialContext.close();

  await page.reload();
  const answer = page.getByRole("region", { name: "Answer of Akimat of Almaty" });
  await expect(answer).toContainText("Refused");
  await expect(answer).toContainText("national road operator");
  await page.getByRole("radio", { name: "No, not resolved" }).check();
  await page.getByRole("radio", { name: "2 of 5" }).check();
  await page
    .getByRole("group", { name: "Do you feel your appeal was heard?" })
    .getByRole("radio", { name: "No" })
    .check();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Send the rating" }).click();
  await expect(page.getByRole("region", { name: "Your rating" })).toContainText(
    "Quality of the answer: 2 of 5.",
  );

  await page
    .getByLabel("Text of the complaint")
    .fill("The answer sends me elsewhere; the akimat owns the drainage.");
  await page.getByRole("button", { name: "Complain to Government of the Republic of Kazakhstan" }).click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  const complaintId = page.url().split("/").at(-2) ?? "";

  const supervisorContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const supervisor = await supervisorContext.newPage();
  await signInAs(supervisor, DEMO.supervisor);
  await supervisor.goto(`/en/inbox/${complaintId}`);
  await expect(supervisor.getByText("The answer sends me elsewhere").first()).toBeVisible();
  await supervisor.goto(`/en/inbox/${id}`);
  for (const event of [
    "Clarification requested from the applicant",
    "Answer sent",
    "The applicant rated the answer",
  ]) {
    await expect(supervisor.getByRole("listitem").filter({ hasText: event }).first()).toBeVisible();
  }
  await supervisorContext.close();
});
