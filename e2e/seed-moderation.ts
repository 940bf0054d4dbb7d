import { expect, type Page } from "@playwright/test";
import { eq, sql } from "drizzle-orm";
import { createDatabase, type Database } from "@/db/client";
import { moderationLog } from "@/db/schema";

// Straight into the database the e2e server runs on (DATABASE_URL, set by scripts/with-test-database.ts).
async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Run e2e through scripts/with-test-database.ts: DATABASE_URL is not set");
  const db = createDatabase(url, { max: 1 });
  try {
    return await work(db);
  } finally {
    await db.$client.end();
  }
}

/**
 * A citizen files an appeal they allow to publish, through the form. (The domain's filing cannot run in
 * the Playwright process: its notices load the catalogues as JSON modules, which Playwright's loader refuses.)
 */
export async function filePublicAppeal(page: Page, o: { subject: string; text: string }) {
  await page.goto("/en/appeals/new");
  await page.getByRole("radio", { name: "Proposal" }).check();
  await page.getByLabel("Topic").selectOption({ label: "Roads and transport" });
  await page.getByLabel("Region or city (optional)").selectOption({ label: "Almaty" });
  await expect(page.getByRole("group", { name: "Proposed bodies" }).getByRole("radio").first()).toBeChecked();
  await page.getByLabel("Subject").fill(o.subject);
  await page.getByLabel("Text of the appeal").fill(o.text);
  await page.getByLabel("The text of my appeal may be published").check();
  await page.getByRole("button", { name: "Send the appeal" }).click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  const id = page.url().match(/appeals\/([0-9a-f-]{36})\/receipt/)?.[1] ?? "";
  const receipt = page.getByRole("region", { name: "Your appeal is registered" });
  const number = ((await receipt.locator("dd strong").first().textContent()) ?? "").trim();
  expect(number).toMatch(/^ЖТ-\d{4}-\d{6}$/);
  return { id, number };
}

/** The log entry number a moderator's decision was recorded as, from the notice on the queue page. */
export async function recordedEntry(page: Page, number: string) {
  const notice = page.getByRole("status").filter({ hasText: `Decision on appeal ${number} recorded` });
  await expect(notice).toBeVisible();
  return Number((await notice.textContent())?.match(/log entry #(\d+)/)?.[1]);
}

/**
 * What only someone with the database's superuser rights could do: switch the append-only triggers off
 * and rewrite a log entry's public content in place. Returns the content it replaced.
 */
export function rewriteLogEntry(seq: number, rewrite: (canonical: string) => string) {
  return withDatabase((db) =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .select({ canonical: moderationLog.canonical })
        .from(moderationLog)
        .where(eq(moderationLog.seq, seq));
      if (!row) throw new Error(`no log entry ${seq}`);
      await tx.execute(sql`alter table moderation_log disable trigger user`);
      await tx
        .update(moderationLog)
        .set({ canonical: rewrite(row.canonical) })
        .where(eq(moderationLog.seq, seq));
      await tx.execute(sql`alter table moderation_log enable trigger user`);
      return row.canonical;
    }),
  );
}
