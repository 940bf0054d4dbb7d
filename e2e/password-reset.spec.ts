import { expect, test } from "@playwright/test";
import { createCitizen, mailedLink } from "./accounts";
import { expectNoAxeViolations, signInAs, uniqueEmail } from "./support";

test("a citizen who forgot the password sets a new one by the mailed link, which ends every other session", async ({
  page,
  browser,
}) => {
  // A long journey with a database fixture spawned under tsx and several axe runs.
  test.slow();
  const email = uniqueEmail("forgetful");
  const old = "violet harbour lantern 58";
  await createCitizen({ email, password: old, fullName: "Forgetful Citizen" });

  // Signed in elsewhere with the old password: that session must end.
  const elsewhere = await browser.newContext();
  const otherDevice = await elsewhere.newPage();
  await signInAs(otherDevice, email, old);
  await otherDevice.goto("/en/account");
  await expect(otherDevice.getByRole("heading", { name: "My account" })).toBeVisible();

  await page.goto("/en/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText("a link to set a new password is on its way");

  const link = await mailedLink(email, "reset-password");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("New password").fill("password1234");
  await page.getByRole("button", { name: "Set the password" }).click();
  await expect(page.getByLabel("New password")).toHaveAccessibleDescription(
    /too common or too easy to guess/,
  );
  await expectNoAxeViolations(page);
  await page.getByLabel("New password").fill("copper meadow violin 73");
  await page.getByRole("button", { name: "Set the password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is changed");

  await otherDevice.goto("/en/account");
  await expect(otherDevice.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await elsewhere.close();

  // The link worked once.
  await page.goto(link);
  await page.getByLabel("New password").fill("another river song 19");
  await page.getByRole("button", { name: "Set the password" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "This link has expired or was already used." }),
  ).toBeVisible();

  await page.goto("/en/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("copper meadow violin 73");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "My account" })).toBeVisible();
});
