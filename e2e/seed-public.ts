import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");

export type SeededPublicAppeals = {
  published: { number: string; subject: string };
  hidden: { number: string; subject: string; logSeq: number };
  authorName: string;
};

/**
 * Test-only seeding for the public-appeals journey (see e2e/fixtures/seed-public-appeals.ts), straight into
 * the database the e2e server runs on (DATABASE_URL, set by scripts/with-test-database.ts).
 */
export async function seedPublicAppeals(o: {
  author: string;
  moderator: string;
  official: string;
  stamp: string;
}): Promise<SeededPublicAppeals> {
  const { stdout } = await run(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(ROOT, "e2e/fixtures/seed-public-appeals.ts"), JSON.stringify(o)],
    { cwd: ROOT, env: process.env },
  );
  return JSON.parse(stdout);
}
