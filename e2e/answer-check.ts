import { expect, type Page } from "@playwright/test";

/**
 * The answer form checks a complete answer before sending it (server/appeals/check-answer.ts). Journeys
 * about something else send it whatever the check finds: whether it finds anything depends on the
 * right-to-complain text prefilled for the body, which those journeys do not set. Sending anyway shows the
 * preview once more (components/official/answer-preview.tsx), and is confirmed there.
 */
export async function sendAnywayIfChecked(page: Page) {
  const sendAnyway = page.getByRole("button", { name: "Send anyway" });
  const answer = page.getByRole("region", { name: "Answer" });
  await expect(sendAnyway.or(answer)).toBeVisible();
  if (!(await sendAnyway.isVisible())) return;
  await sendAnyway.click();
  await page.getByRole("button", { name: "Confirm and send" }).click();
}
