import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { filePublicAppeal, recordedEntry, rewriteLogEntry } from "./seed-moderation";
import { DEMO, signInAs } from "./support";

const run = promisify(execFile);

/** `npm run verify-log -- <url>` as anyone would run it: its exit code and what it printed. */
async function verifyLog(baseUrl: string) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/verify-log.ts", baseUrl], {
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

test("the verification command passes on the untouched log and names the entry edited in the database", async ({
  baseURL,
  browser,
}) => {
  const base = baseURL ?? "";
  // An entry of this test's own: a public appeal, published as submitted by a moderator found by number.
  const citizen = await (await browser.newContext()).newPage();
  await signInAs(citizen, DEMO.citizen2);
  const { number } = await filePublicAppeal(citizen, {
    subject: `A pedestrian crossing on Tauke Khan Ave ${Date.now().toString(36)}`,
    text: "Children cross Tauke Khan Ave by school No. 7 where there is no crossing; please paint one.",
  });
  const moderator = await (await browser.newContext()).newPage();
  await signInAs(moderator, DEMO.moderator2);
  await moderator.goto("/en/moderation");
  await moderator.getByLabel("Open an appeal by its number").fill(number);
  await moderator.getByRole("button", { name: "Open", exact: true }).click();
  await expect(
    moderator.getByRole("heading", { level: 1, name: `Publication of appeal ${number}` }),
  ).toBeVisible();
  await moderator.getByRole("radio", { name: "Publish as submitted" }).check();
  await moderator.getByRole("button", { name: "Record the decision" }).click();
  const seq = await recordedEntry(moderator, number);

  const sound = await verifyLog(base);
  expect(sound.output).toMatch(/^OK: \d+ entries, root [0-9a-f]{64} signed .* by key [0-9a-f]{16}/m);
  expect(sound.code).toBe(0);

  // The entry's time moved back by years, the stored hashes left as they were: still valid JSON, so the
  // pages other journeys read meanwhile keep working, but no longer what was hashed and signed.
  const original = await rewriteLogEntry(seq, (canonical) =>
    canonical.replace(/"time":"\d{4}/, '"time":"1999'),
  );
  try {
    const edited = await verifyLog(base);
    expect(edited.code).not.toBe(0);
    expect(edited.output).toContain(`FAIL: entry #${seq}: hash does not match its content`);
  } finally {
    await rewriteLogEntry(seq, () => original);
  }
  expect((await verifyLog(base)).code).toBe(0);
});
