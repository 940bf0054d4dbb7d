import { expect, type Page, test } from "@playwright/test";
import { retrainBodyModel, seedAppeal } from "./seed";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

const FORESTRY =
  "Forestry and Wildlife Committee of the Ministry of Ecology and Natural Resources of the Republic of Kazakhstan";
const TEXTS = [
  "Illegal logging of spruce in the forest reserve near our village: trucks take the timber out at night.",
  "Poachers hunt saiga in the steppe reserve and the forest rangers do not come when we call them.",
  "Spruce and pine are being cut without a permit in the forest above the gorge; the wildlife leaves.",
];

// The service's history: appeals about forests and wildlife that ended at the forestry committee, learnt
// by the model as the nightly job would.
test.beforeAll(async () => {
  for (const [i, text] of TEXTS.entries()) {
    await seedAppeal({
      citizenEmail: DEMO.citizen2,
      bodyCode: "min-ecology-forestry",
      subject: `Forest and wildlife ${i + 1}`,
      workingDaysAgo: 3,
      category: "environment",
      region: null,
      text,
    });
  }
  await retrainBodyModel();
});

const suggestionsOf = (page: Page) =>
  page.getByRole("region", { name: "Bodies that may be competent, from your text" });

test("while a citizen writes, the competent body is proposed and taking it fills the body choice", async ({
  page,
}) => {
  await signInAs(page, DEMO.citizen);
  await page.goto("/en/appeals/new");
  const suggestions = suggestionsOf(page);
  await expect(suggestions).toContainText("Write at least 20 characters");

  await page
    .getByLabel("Text of the appeal")
    .pressSequentially(
      "Someone is cutting spruce in the forest reserve by night and poachers shoot the wildlife.",
      {
        delay: 5,
      },
    );
  const forestry = suggestions.getByRole("button", { name: FORESTRY });
  await expect(forestry).toBeVisible();
  // Three at most: as many as the model knows bodies, in a test database that learnt from few.
  expect(await suggestions.getByRole("button").count()).toBeLessThanOrEqual(3);
  await expectNoAxeViolations(page);

  await forestry.click();
  await expect(forestry).toHaveAttribute("aria-pressed", "true");
  await expect(suggestions).toContainText(`Chosen: ${FORESTRY}.`);
  await expect(page.getByRole("radio", { name: "I know the body" })).toBeChecked();
  await expect(page.getByLabel("State body").locator("option:checked")).toHaveText(FORESTRY);
  // The topic and region stay the citizen's to choose.
  await expect(page.getByLabel("Topic")).toHaveValue("");
});

test("while an operator writes a citizen's appeal, the proposed body goes into the body list", async ({
  page,
}) => {
  await signInAs(page, DEMO.operator);
  await page.goto("/en/operator/file");
  await page.getByLabel("Subject area").selectOption({ label: "Environment" });
  await page
    .getByLabel("Text of the appeal", { exact: true })
    .fill("The citizen reports illegal logging of pine in the forest reserve and saiga poachers.");
  const forestry = suggestionsOf(page).getByRole("button", { name: FORESTRY });
  await forestry.click();
  await expect(page.getByLabel("State body").locator("option:checked")).toHaveText(FORESTRY);
  await expect(page.getByLabel("Subject area")).toHaveValue("environment");
});
