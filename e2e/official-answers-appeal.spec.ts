import { expect, test } from "@playwright/test";
import { sendAnywayIfChecked } from "./answer-check";
import { seedAppeal } from "./seed";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");

test("an official assigns, extends and answers an appeal with a file, then closes it", async ({ page }) => {
  const subject = `Pothole on Dostyk Ave ${Date.now()}`;
  const appeal = await seedAppeal({
    citizenEmail: DEMO.citizen,
    bodyCode: "akimat-almaty-city",
    subject,
    workingDaysAgo: 1,
  });
  // A phone-sized screen: every action must still be reachable.
  await page.setViewportSize({ width: 375, height: 740 });
  await signInAs(page, DEMO.official);
  await page.goto(`/en/inbox/${appeal.id}`);
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();

  await page.locator("summary", { hasText: "Assign an executor" }).click();
  await page.getByLabel("Executor").selectOption({ label: "Марат Серікұлы Жақсылықов" });
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "The executor is assigned." })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Марат Серікұлы Жақсылықов" })).toBeVisible();

  await page.locator("summary", { hasText: "Extend the deadline" }).click();
  await page.getByLabel("Reason", { exact: true }).fill("Too short");
  await page.getByRole("button", { name: "Extend the deadline" }).click();
  await expect(page.getByText("Too short: at least 20 characters.").first()).toBeVisible();
  await expect(page.getByLabel("Reason", { exact: true })).toHaveValue("Too short");

  await page.locator("summary", { hasText: "Send the answer" }).click();
  await expect(page.getByLabel("Right to complain")).toHaveValue(/Government of the Republic of Kazakhstan/);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Send the answer" }).click();
  await expect(page.getByText("Please correct the fields marked below.").first()).toBeVisible();
  await page.getByRole("radio", { name: "Partly satisfied" }).check();
  await page
    .getByLabel("Answer", { exact: true })
    .fill("The pothole was patched on the day of the inspection; full resurfacing is planned for May.");
  await page.getByLabel("Legal grounds").fill("Law on roads, Art. 13; APPC Art. 76");
  await page
    .getByLabel("Files (optional)")
    .setInputFiles({ name: "act.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Send the answer" }).click();
  // Sent for good only after the official has seen it as the applicant will.
  const preview = page.getByRole("region", { name: "Check the answer before it is sent" });
  await expect(preview).toContainText("Partly satisfied");
  await expect(preview).toContainText("act.pdf");
  await expect(page.getByRole("region", { name: "Answer", exact: true })).toHaveCount(0);
  await preview.getByRole("button", { name: "Back to editing" }).click();
  await expect(page.getByLabel("Legal grounds")).toHaveValue("Law on roads, Art. 13; APPC Art. 76");
  await page.getByRole("button", { name: "Send the answer" }).click();
  await preview.getByRole("button", { name: "Confirm and send" }).click();
  await sendAnywayIfChecked(page);

  const answer = page.getByRole("region", { name: "Answer" });
  await expect(answer).toContainText("Partly satisfied");
  await expect(answer).toContainText("Sent within the deadline.");
  await expect(page.getByRole("link", { name: "act.pdf" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Answer sent" })).toContainText("1 file");

  await page.locator("summary", { hasText: "Close the appeal" }).click();
  await page.getByRole("button", { name: "Close the appeal" }).click();
  await expect(page.getByRole("definition").filter({ hasText: /^Closed$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Actions" })).toBeVisible();
  await expect(page.getByText("No action is possible in the appeal's current state.")).toBeVisible();
  await expectNoAxeViolations(page);
});
