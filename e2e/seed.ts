import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");

/**
 * Test-only seeding for journeys that start after filing: files an appeal through the domain, straight
 * into the database the e2e server runs on (DATABASE_URL, set by scripts/with-test-database.ts).
 */
export async function seedAppeal(o: {
  citizenEmail: string;
  bodyCode: string;
  subject: string;
  /** Filed this many working days before today, so that terms counted from today differ. */
  workingDaysAgo: number;
  /** The appeal's language (default "en") and text. */
  locale?: string;
  text?: string;
  /** Default housing_utilities in almaty_city; null region for a matter of the whole country. */
  category?: string;
  region?: string | null;
}): Promise<{ id: string; number: string }> {
  const { stdout } = await run(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(ROOT, "e2e/fixtures/seed-appeal.ts"), JSON.stringify(o)],
    { cwd: ROOT, env: process.env },
  );
  return JSON.parse(stdout);
}

/** An appeal allowed to be published, with personal data in its subject and text, answered by its body. */
export async function seedAnsweredPublicAppeal(o: {
  citizenEmail: string;
  bodyCode: string;
  subject: string;
  text: string;
  answer: string;
}): Promise<{ id: string; number: string }> {
  const { stdout } = await run(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(ROOT, "e2e/fixtures/seed-answered-public-appeal.ts"), JSON.stringify(o)],
    { cwd: ROOT, env: process.env },
  );
  return JSON.parse(stdout);
}

/** The start of a complaint journey (e2e/fixtures/seed-complaint.ts): an answered appeal of the demo citizen. */
export async function seedAnsweredAppeal(o: {
  subject: string;
  text: string;
  answer: string;
}): Promise<{ id: string; number: string; superiorEmail: string; superiorName: string }> {
  const { stdout } = await run(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(ROOT, "e2e/fixtures/seed-complaint.ts"), JSON.stringify(o)],
    { cwd: ROOT, env: process.env },
  );
  return JSON.parse(stdout);
}

/** Brings the dashboards' summaries up to date now, instead of waiting for the minute's job. */
export async function refreshDashboards(): Promise<void> {
  await run(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "e2e/fixtures/refresh-metrics.ts")], {
    cwd: ROOT,
    env: process.env,
  });
}

/** Retrains the body-suggestion model on the appeals there are now, instead of waiting for the night. */
export async function retrainBodyModel(): Promise<void> {
  await run(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "e2e/fixtures/train-body-model.ts")], {
    cwd: ROOT,
    env: process.env,
  });
}
