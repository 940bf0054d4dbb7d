import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");

export type SeededCrawl = {
  waiting: { id: string; number: string };
  answered: { id: string; number: string };
  assisted: { id: string; number: string };
  bodyCode: string;
  region: string;
  /** An imported register's name. */
  register: string;
};

/** Test-only seeding for the phone crawl (e2e/fixtures/seed-crawl.ts), into the e2e server's database. */
export async function seedCrawl(o: {
  citizen: string;
  official: string;
  moderator: string;
  operator: string;
  stamp: string;
}): Promise<SeededCrawl> {
  const { stdout } = await run(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(ROOT, "e2e/fixtures/seed-crawl.ts"), JSON.stringify(o)],
    { cwd: ROOT, env: process.env },
  );
  return JSON.parse(stdout);
}
