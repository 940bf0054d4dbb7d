import { expect, test } from "@playwright/test";
import { refreshDashboards, seedAppeal } from "./seed";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

test("an official is told what a Russian answer to a Kazakh appeal lacks, fixes it, and the citizen's verdict shows beside the decision", async ({
  browser,
  page,
}) => {
  // Two people, two sign-ins and a refresh of the dashboards: a long journey on a shared machine.
  test.setTimeout(150_000);
  const subject = `Аулада жарық жоқ ${Date.now()}`;
  const appeal = await seedAppeal({
    citizenEmail: DEMO.citizen,
    bodyCode: "akimat-astana",
    subject,
    workingDaysAgo: 1,
    locale: "kk",
    text: "Біздің аулада екі апта бойы көше шамдары жанбайды, кешке қараңғы, балалар далаға шыға алмайды.",
  });
  const officialContext = await browser.newContext();
  const official = await officialContext.newPage();
  await signInAs(official, DEMO.officialAstana);
  await official.goto(`/en/inbox/${appeal.id}`);
  await official.locator("summary", { hasText: "Send the answer" }).click();
  await official.getByRole("radio", { name: "Satisfied", exact: true }).check();
  await official
    .getByLabel("Answer", { exact: true })
    .fill(
      "Ваше обращение рассмотрено. Светильники во дворе заменены бригадой подрядчика, освещение работает.",
    );
  await official.getByLabel("Legal grounds").fill("Согласно действующему законодательству.");
  await official
    .getByLabel("Right to complain")
    .fill("Жауапқа келіспесеңіз, жоғары тұрған органға немесе сотқа үш ай ішінде шағымдана аласыз.");
  await official.getByRole("button", { name: "Send the answer" }).click();
  // The preview comes first; what the check finds is shown once it is confirmed.
  await official.getByRole("button", { name: "Confirm and send" }).click();

  const check = official.getByRole("alert").filter({ hasText: "What the answer still lacks" });
  await expect(check).toContainText("A legal ground that names an act or an article");
  await expect(check).toContainText("a Kazakh appeal is answered in Kazakh");
  await expect(check).toContainText("Language of the answer: Russian");
  await expectNoAxeViolations(official);

  await official
    .getByLabel("Answer", { exact: true })
    .fill(
      "Сіздің өтінішіңіз қаралды. Ауладағы шамдарды мердігер бригадасы ауыстырды, жарық енді әр кеш сайын жанады.",
    );
  await official.getByLabel("Legal grounds").fill("ҚР Әкімшілік рәсімдік-процестік кодексінің 76-бабы");
  await official.getByRole("button", { name: "Check again" }).click();
  await official.getByRole("button", { name: "Confirm and send" }).click();
  await expect(official.getByRole("region", { name: "Answer" })).toContainText("Satisfied");
  await officialContext.close();

  await signInAs(page, DEMO.citizen);
  await page.goto(`/en/appeals/${appeal.id}`);
  await page.getByRole("radio", { name: "No, not resolved" }).check();
  await page.getByRole("radio", { name: "2 of 5" }).check();
  await page
    .getByRole("group", { name: "Do you feel your appeal was heard?" })
    .getByRole("radio", { name: "No" })
    .check();
  await page.getByRole("button", { name: "Send the rating" }).click();
  await expect(page.getByRole("region", { name: "Your rating" })).toBeVisible();

  await refreshDashboards();
  await page.goto("/en/dashboard/bodies/akimat-astana");
  const answers = page.getByRole("region", { name: "Decisions and what citizens said" });
  await expect(
    answers.getByRole("row", { name: /Body said satisfied, citizen said not resolved/ }),
  ).toContainText(/[1-9]\d* \/ [1-9]/);
  const satisfied = answers.getByRole("row", { name: /^Satisfied/ });
  await expect(satisfied.getByRole("cell").nth(3)).not.toHaveText("0");
  await expectNoAxeViolations(page);
});
