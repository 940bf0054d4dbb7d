import { expect, type Page, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

// Over the server's 5 MB: on 3G the whole file would go up before the server refused it.
const BIG = { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(6 * 1024 * 1024, 0x25) };

/** Counts the form's submissions that leave the browser. */
function countUploads(page: Page, procedure: string) {
  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes(procedure)) sent.push(r.url());
  });
  return sent;
}

test("a citizen who picks a file over the limit is told at once, nothing is uploaded and nothing typed is lost", async ({
  page,
}) => {
  await signInAs(page, DEMO.citizen);
  await page.goto("/en/appeals/new");
  const sent = countUploads(page, "appeal.file");
  await page.getByLabel("Subject").fill("Broken bench in the park");
  await page.getByLabel("Files (optional)").setInputFiles(BIG);
  await page.getByRole("button", { name: "Send the appeal" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "A file may be at most 5 MB." });
  await expect(summary).toBeFocused();
  await expect(page.getByLabel("Files (optional)")).toHaveAccessibleDescription(
    /scan\.pdf: A file may be at most 5 MB\./,
  );
  await expect(page.getByLabel("Subject")).toHaveValue("Broken bench in the park");
  await expectNoAxeViolations(page);
  expect(sent).toEqual([]);
});

test("an operator's scan of the wrong type is refused in the browser, in Kazakh", async ({ page }) => {
  await signInAs(page, DEMO.operator);
  await page.goto("/kk/operator/file");
  const sent = countUploads(page, "operator.file");
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "letter.docx", mimeType: "application/msword", buffer: Buffer.from("x") });
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole("alert").filter({ hasText: "Тек PDF, JPEG және PNG" })).toBeVisible();
  expect(sent).toEqual([]);
});
