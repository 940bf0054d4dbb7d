import { expect, test } from "@playwright/test";
import { seedAnsweredAppeal } from "./seed";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

// APPC Art. 91(4): the complaint goes through the body complained about, which may satisfy it itself or
// passes it, with the whole file, to the superior body; that body's official reads it all before answering.
test("a complaint filed through the body, not satisfied there, reaches the superior body with the whole file", async ({
  page,
  browser,
}) => {
  // A long journey through three or four signed-in people: more time than one page's test needs.
  test.slow();
  const subject = `Broken lift in block 7 ${Date.now()}`;
  const seeded = await seedAnsweredAppeal({
    subject,
    text: "The lift in block 7 on Satpayev Street has been broken for a month; elderly residents cannot leave.",
    answer:
      "The lift belongs to the owners' association, which must repair it at its own cost; we cannot act.",
  });

  // The applicant complains: the consent to publish is asked afresh, not copied from the appeal (which had it).
  await signInAs(page, DEMO.citizen);
  await page.goto(`/en/appeals/${seeded.id}`);
  await expect(page.getByText(/your complaint goes through the body that answered/)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /may be published/ })).not.toBeChecked();
  await page
    .getByLabel("Text of the complaint")
    .fill("The association was dissolved last year; the akimat holds the building's common property.");
  await page.getByRole("button", { name: /^Complain to / }).click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  const complaintId = page.url().split("/").at(-2) ?? "";

  // The akimat, whose answer is complained about, does not satisfy it and passes it up.
  const akimatContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const akimat = await akimatContext.newPage();
  await signInAs(akimat, DEMO.official);
  await akimat.goto(`/en/inbox/${complaintId}`);
  await expect(akimat.getByRole("note").filter({ hasText: "was filed through your body" })).toBeVisible();
  await expect(akimat.getByRole("heading", { name: "The complaint's file" })).toBeVisible();
  await expect(akimat.locator("summary", { hasText: "Forward to the competent body" })).toHaveCount(0);
  await expectNoAxeViolations(akimat);
  await akimat.locator("summary", { hasText: "Pass to the superior body with the whole file" }).click();
  await akimat.getByRole("button", { name: "Pass the complaint up" }).click();
  // It leaves the akimat's hands: back to the inbox, which says where it went.
  await expect(akimat.getByRole("status")).toContainText(
    "was passed to the superior body with the whole file",
  );
  await akimatContext.close();

  // The superior body's official reads the original appeal, the answer and the history, then answers.
  const superiorContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const superior = await superiorContext.newPage();
  await signInAs(superior, seeded.superiorEmail);
  await superior.goto("/en/inbox");
  await superior.getByRole("row").filter({ hasText: seeded.number }).getByRole("link").click();
  await expect(superior.getByRole("note").filter({ hasText: "passed up with the whole file" })).toBeVisible();
  const file = superior.getByRole("region", { name: "The complaint's file" });
  const original = file.getByRole("article", { name: `Appeal ${seeded.number}: ${subject}` });
  await expect(original).toContainText("elderly residents cannot leave");
  await expect(original).toContainText("The answer complained about");
  await expect(original).toContainText("owners' association, which must repair it");
  const history = original.getByRole("region", { name: "History of the appeal" });
  for (const event of ["Appeal registered", "Answer sent", "A complaint about the answer was filed"]) {
    await expect(history.getByRole("listitem").filter({ hasText: event })).toBeVisible();
  }
  await expect(
    superior.getByRole("listitem").filter({ hasText: "The complaint was passed to the superior body" }),
  ).toContainText("Passed up within the");
  await expectNoAxeViolations(superior);

  await superior.locator("summary", { hasText: "Send the answer" }).click();
  await superior.getByRole("radio", { name: "Satisfied", exact: true }).check();
  await superior
    .getByLabel("Answer", { exact: true })
    .fill(
      "The akimat is instructed to repair the lift in block 7 within ten working days at the city's cost.",
    );
  await superior.getByLabel("Legal grounds").fill("APPC Art. 91, 100; Law on housing relations, Art. 42");
  await superior.getByRole("button", { name: "Send the answer" }).click();
  await expect(superior.getByRole("region", { name: "Answer" })).toContainText("Satisfied");
  await superiorContext.close();
});
