import { expect, test } from "@playwright/test";
import { startTestSmsc, type TestSmsc } from "../test/smsc";
import { createCitizen } from "./accounts";
import { DEMO, expectNoAxeViolations, signInAs, uniqueEmail } from "./support";

// The SMSC the app binds to through SMPP_URL (playwright.config.ts): started here, on the agreed port,
// once, so the tests of this file share a worker.
test.describe.configure({ mode: "serial" });
let smsc: TestSmsc;
test.beforeAll(async () => {
  smsc = await startTestSmsc({ port: Number(process.env.E2E_SMSC_PORT), autoReceipts: true });
});
test.afterAll(async () => {
  await smsc?.close();
});

// Long polls: the app binds after a pause that grows while nobody listens (up to 30 s), and each SMS goes
// through the job queue.
const SLOW = { timeout: 60_000, intervals: [250, 500, 1_000] };

test("a citizen without e-mail, filed for at a service centre, follows the appeal by SMS", async ({
  page,
  browser,
}) => {
  test.slow();
  const phone = `+7701${String(Date.now()).slice(-7)}`;
  const msisdn = phone.slice(1);
  const subject = `Аулада жарық жоқ ${Date.now()}`;
  const texts = () => smsc.textsTo(msisdn);

  await signInAs(page, DEMO.operator);
  await page.goto("/kk/operator/file");
  await page.getByLabel("Тегі, аты, әкесінің аты").fill("Айгүл Серікқызы Нұрланова");
  await page.getByLabel("Телефон", { exact: true }).fill(phone);
  await page.getByLabel("Жауап пен хабарламалардың тілі").selectOption("kk");
  await expect.poll(() => smsc.boundCount, SLOW).toBeGreaterThan(0);
  await page.getByRole("button", { name: "SMS арқылы код жіберу" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Код" })).toBeVisible();
  await expect.poll(() => texts().length, SLOW).toBe(1);
  const code = texts()[0]?.match(/\d{6}/)?.[0] ?? "";
  expect(texts()[0]).toContain("телефонды растау коды");
  await page.getByLabel("SMS-тағы код").fill(code);
  await expectNoAxeViolations(page);

  await page.getByLabel("Өтініштің түрі").selectOption({ index: 1 });
  await page.getByLabel("Сала").selectOption({ index: 1 });
  await page.getByLabel("Мемлекеттік орган").selectOption({ label: "Алматы қаласының әкімдігі" });
  await page.getByLabel("Тақырыбы", { exact: true }).fill(subject);
  await page
    .getByLabel("Өтініштің мәтіні", { exact: true })
    .fill("Абай даңғылы 10 үйінің ауласында бір айдан бері жарық жоқ. Түнде қараңғы, балалар қорқады.");
  await page.getByRole("checkbox", { name: /Азамат өтінішті оның атынан беруге/ }).check();
  await page.getByRole("button", { name: "Өтінішті беру" }).click();
  // The form's page lists the operator's earlier filings: read the number on the receipt.
  await page.waitForURL(/\/operator\/receipt\//);
  const number = (await page.getByText(/^ЖТ-\d{4}-\d{6}$/).textContent()) ?? "";
  expect(number).toMatch(/^ЖТ-\d{4}-\d{6}$/);
  const appealId = page.url().split("/").at(-1) ?? "";

  // Registered: the SMS reaches the phone in Kazakh, as UCS-2, and its receipt comes back.
  await expect.poll(() => texts().some((t) => t.includes(`${number} өтінішіңіз тіркелді`)), SLOW).toBe(true);
  expect(smsc.submitted.filter((p) => p.to === msisdn).every((p) => p.dataCoding === 8)).toBe(true);

  // The body forwards it: another SMS.
  const officialContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const official = await officialContext.newPage();
  await signInAs(official, DEMO.official);
  await official.goto(`/en/inbox/${appealId}`);
  await official.getByText("Forward to the competent body").click();
  await official.getByLabel("Find a body").fill("Akimat of Astana");
  await official.getByLabel("Competent body").selectOption({ label: "Akimat of Astana" });
  await official
    .getByLabel("Why this body is competent")
    .fill("The courtyard is in Astana: lighting there is the Astana akimat's competence.");
  await official.getByRole("button", { name: "Forward", exact: true }).click();
  await expect(official.getByRole("status")).toContainText(`Appeal ${number} was forwarded`);
  await officialContext.close();
  await expect
    .poll(() => texts().some((t) => t.includes(`${number} өтінішіңіз құзыретті органға жолданды`)), SLOW)
    .toBe(true);

  // The citizen asks by SMS: from their phone the number is enough; the answer says the status.
  const before = texts().length;
  smsc.sendInbound(msisdn, "1414", number);
  await expect.poll(() => texts().length, SLOW).toBe(before + 1);
  expect(texts().at(-1)).toMatch(new RegExp(`^Тыңдау: ${number} — тіркелді\\. Жауап мерзімі — `));

  // Someone else's phone, without the code, learns nothing.
  smsc.sendInbound("77019990000", "1414", number.replace("ЖТ", "JT"));
  await expect.poll(() => smsc.textsTo("77019990000").length, SLOW).toBe(1);
  expect(smsc.textsTo("77019990000")[0]).not.toContain(number);
});

test("a citizen adds a phone to their account with the code sent to it, in a bad try and a good one", async ({
  page,
}) => {
  const email = uniqueEmail("sms-citizen");
  const password = "violet harbour lantern 58";
  await createCitizen({ email, password, fullName: "Ерлан Сапарұлы" });
  await signInAs(page, email, password);
  const phone = `+7702${String(Date.now()).slice(-7)}`;
  await page.goto("/kk/account");
  await expect(page.getByRole("heading", { name: "SMS хабарламалар" })).toBeVisible();
  await page.getByLabel("Ұялы телефон").fill("12345");
  await page.getByRole("button", { name: "Код жіберу" }).click();
  // Refused beside the field, with what was typed kept.
  await expect(page.getByLabel("Ұялы телефон")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Ұялы телефон")).toHaveValue("12345");

  await page.getByLabel("Ұялы телефон").fill(phone);
  await expect.poll(() => smsc.boundCount, SLOW).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Код жіберу" }).click();
  await expect(page.getByRole("status")).toContainText(phone);
  await expect.poll(() => smsc.textsTo(phone.slice(1)).length, SLOW).toBe(1);
  const code = smsc.textsTo(phone.slice(1))[0]?.match(/\d{6}/)?.[0] ?? "";
  await page.getByLabel("SMS-тағы код").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Телефонды растау" }).click();
  await expect(page.getByText("Код қате немесе мерзімі өтті").first()).toBeVisible();
  await page.getByLabel("SMS-тағы код").fill(code);
  await page.getByRole("button", { name: "Телефонды растау" }).click();
  await expect(page.getByText(`SMS хабарламалар ${phone} нөміріне жіберіледі.`)).toBeVisible();
  await expectNoAxeViolations(page);
});
